package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.model.io.ManifestReader;
import dev.ferry.sandbox.SandboxOptions;
import dev.ferry.sandbox.SandboxServer;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InventoryCommandTest {

    @TempDir
    Path dir;

    private SandboxServer sandbox;
    private Path kubeconfig;

    @BeforeEach
    void start() throws Exception {
        sandbox = SandboxServer.start(SandboxOptions.defaults().withName("aks-shop"));
        sandbox.loadYaml("estate.yaml", """
                apiVersion: v1
                kind: Namespace
                metadata: {name: shop}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: web, namespace: shop}
                data: {LOG_LEVEL: info}
                ---
                apiVersion: v1
                kind: Secret
                metadata: {name: db, namespace: shop}
                data: {password: Y2FuYXJ5LWNsaS1zZWNyZXQ=}
                """);
        kubeconfig = sandbox.writeKubeconfig(dir.resolve("source.kubeconfig"), "aks");
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void writesAnInventoryProposeCanReadAndShowsProgressOnStderr() throws Exception {
        Path out = dir.resolve("inventory");

        CliRunner result = CliRunner.run("inventory", "--context", "aks", "--kubeconfig", kubeconfig.toString(),
                "--namespace", "shop", "--out", out.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).contains("Connected to `aks`").contains("types]");
        assertThat(result.out()).contains("objects written").contains("ferry propose");
        assertThat(out.resolve(".inventory.yaml")).exists();
        assertThat(Files.readString(out.resolve("shop/secret.db.yaml"))).doesNotContain("Y2FuYXJ5LWNsaS1zZWNyZXQ=");
        assertThat(new ManifestReader().read(List.of(out)).objects()).isNotEmpty();
        assertThat(result.out() + result.err()).doesNotContain("Y2FuYXJ5LWNsaS1zZWNyZXQ=")
                .doesNotContain("sandbox-token");

        CliRunner proposed = CliRunner.run("propose", "--out", dir.resolve("bundle").toString(), out.toString());
        assertThat(proposed.exitCode()).as(proposed.err()).isZero();
    }

    @Test
    void anUnknownContextIsBadInputAndAnUnreachableServerIsAClusterError() throws Exception {
        CliRunner unknown = CliRunner.run("inventory", "--context", "nope", "--kubeconfig", kubeconfig.toString(),
                "--out", dir.resolve("a").toString());
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("`nope`").contains("aks");

        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path closed = dir.resolve("closed.kubeconfig");
        Files.writeString(closed, Files.readString(kubeconfig).replace(sandbox.url(), "http://127.0.0.1:" + port));
        CliRunner unreachable = CliRunner.run("inventory", "--context", "aks", "--kubeconfig", closed.toString(),
                "--out", dir.resolve("b").toString());
        assertThat(unreachable.exitCode()).isEqualTo(3);
        assertThat(unreachable.err()).contains("refused");
        assertThat(dir.resolve("b")).doesNotExist();
    }
}
