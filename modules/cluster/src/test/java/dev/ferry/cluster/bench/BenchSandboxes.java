package dev.ferry.cluster.bench;

import dev.ferry.sandbox.SandboxOptions;
import dev.ferry.sandbox.SandboxServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Starts a source sandbox loaded with N benchmark objects and an empty target sandbox, writes
 * {@code DIR/source.kubeconfig} and {@code DIR/target.kubeconfig}, prints {@code ready}, and serves until its standard
 * input closes. Used by {@code bench/cluster.sh} so Ferry and kubectl run in their own processes.
 *
 * <p>Arguments: {@code OBJECTS DIR}.
 */
public final class BenchSandboxes {

    private BenchSandboxes() {
    }

    public static void main(String[] args) throws Exception {
        int objects = Integer.parseInt(args[0]);
        Path dir = Path.of(args[1]);
        try (SandboxServer source = SandboxServer.start(SandboxOptions.defaults().withName("bench-source")
                .withReadinessDelay(Duration.ofMillis(100)));
             SandboxServer target = SandboxServer.start(SandboxOptions.defaults().withName("bench-target")
                     .withReadinessDelay(Duration.ofMillis(100)))) {
            source.load(BenchEstate.objects("estate", objects));
            source.writeKubeconfig(dir.resolve("source.kubeconfig"), "source");
            target.writeKubeconfig(dir.resolve("target.kubeconfig"), "target");
            System.out.println("ready");
            System.out.flush();
            waitForEndOfInput(System.in);
        }
    }

    private static void waitForEndOfInput(InputStream in) throws IOException {
        while (in.read() >= 0) {
            // keep serving
        }
    }
}
