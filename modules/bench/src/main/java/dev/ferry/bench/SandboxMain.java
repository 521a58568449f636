package dev.ferry.bench;

import dev.ferry.sandbox.DemoEstate;
import dev.ferry.sandbox.SandboxOptions;
import dev.ferry.sandbox.SandboxServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A sandbox API server in its own JVM, so the benchmark measures Ferry's side alone: {@code SandboxMain KUBECONFIG
 * CONTEXT [ESTATE_DIR]} starts a sandbox holding the third-party CRDs the generated estates use (and the estate, when
 * given), writes a kubeconfig, prints {@code ready} and serves until its standard input closes.
 */
public final class SandboxMain {

    private SandboxMain() {
    }

    public static void main(String[] args) throws Exception {
        Path kubeconfig = Path.of(args[0]);
        String context = args[1];
        try (SandboxServer server = SandboxServer.start(SandboxOptions.defaults().withName("bench-" + context)
                .withReadinessDelay(Duration.ofMillis(100)))) {
            server.load(DemoEstate.customResourceDefinitions());
            if (args.length > 2) {
                server.loadFiles(List.of(Path.of(args[2])));
            }
            server.writeKubeconfig(kubeconfig, context);
            PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
            out.println("ready");
            waitForEndOfInput(System.in);
        }
    }

    private static void waitForEndOfInput(InputStream in) throws IOException {
        while (in.read() >= 0) {
            // keep serving
        }
    }
}
