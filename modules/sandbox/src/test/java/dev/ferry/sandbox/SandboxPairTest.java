package dev.ferry.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxPairTest {

    @TempDir
    Path dir;

    @Test
    void writesKubeconfigsAFreshClientCanUse() throws Exception {
        try (SandboxPair pair = SandboxPair.start(dir, SandboxPair.Estate.DEMO, 0, Duration.ofMillis(50))) {
            assertThat(pair.sourceKubeconfig()).isEqualTo(dir.resolve("source.kubeconfig").toAbsolutePath());
            try (KubernetesClient source = fromFile(pair.sourceKubeconfig());
                 KubernetesClient target = fromFile(pair.targetKubeconfig())) {
                assertThat(source.getConfiguration().getCurrentContext().getName())
                        .isEqualTo(SandboxPair.SOURCE_CONTEXT);
                assertThat(target.getConfiguration().getCurrentContext().getName())
                        .isEqualTo(SandboxPair.TARGET_CONTEXT);
                assertThat(source.getMasterUrl().toString()).startsWith(pair.source().url());
                assertThat(source.namespaces().withName("payments").get()).isNotNull();
                assertThat(target.namespaces().withName("payments").get()).isNull();
                assertThat(target.namespaces().list().getItems()).hasSize(4);
            }
        }
    }

    @Test
    void startsAnEmptySourceOnConsecutivePorts() throws Exception {
        int base = freePortPair();
        try (SandboxPair pair = SandboxPair.start(dir, SandboxPair.Estate.NONE, base)) {
            assertThat(pair.source().port()).isEqualTo(base);
            assertThat(pair.target().port()).isEqualTo(base + 1);
            assertThat(Files.readString(pair.targetKubeconfig())).contains("http://127.0.0.1:" + (base + 1));
            try (KubernetesClient source = fromFile(pair.sourceKubeconfig())) {
                assertThat(source.apps().deployments().inAnyNamespace().list().getItems()).isEmpty();
            }
        }
    }

    @Test
    void refusesAPortInUseAndLeavesNothingRunning() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> SandboxPair.start(dir, SandboxPair.Estate.NONE, port))
                    .isInstanceOf(SandboxException.class)
                    .hasMessageContaining("127.0.0.1:" + port);
        }
        assertThat(dir.resolve("source.kubeconfig")).doesNotExist();
    }

    private static KubernetesClient fromFile(Path kubeconfig) throws Exception {
        Config config = Config.fromKubeconfig(Files.readString(kubeconfig));
        return new KubernetesClientBuilder().withConfig(config).build();
    }

    /** A port whose successor is free too, found by binding both. */
    private static int freePortPair() throws Exception {
        for (int attempt = 0; attempt < 20; attempt++) {
            try (ServerSocket first = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                int port = first.getLocalPort();
                if (port >= 65535) {
                    continue;
                }
                try (ServerSocket second = new ServerSocket(port + 1, 1, java.net.InetAddress.getLoopbackAddress())) {
                    return port;
                } catch (java.io.IOException e) {
                    // the next port is taken; try another pair
                }
            }
        }
        throw new IllegalStateException("no two consecutive free ports on loopback");
    }
}
