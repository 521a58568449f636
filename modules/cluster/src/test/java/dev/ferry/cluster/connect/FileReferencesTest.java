package dev.ferry.cluster.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.cluster.config.Kubeconfig;
import dev.ferry.cluster.config.KubeconfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A kubeconfig naming a certificate, key or token file that does not exist fails naming the file and the field. */
class FileReferencesTest {

    @TempDir
    Path dir;

    private Kubeconfig kubeconfig(String clusterExtra, String user) throws Exception {
        Path file = Files.writeString(dir.resolve("config"), """
                apiVersion: v1
                kind: Config
                clusters: [{name: aks, cluster: {server: "https://127.0.0.1:1"%s}}]
                users: [{name: admin, user: {%s}}]
                contexts: [{name: aks, context: {cluster: aks, user: admin}}]
                """.formatted(clusterExtra, user));
        return new KubeconfigLoader(Map.of(), dir).load(file);
    }

    @Test
    void namesAMissingClientCertificateResolvedAgainstTheKubeconfigsFolder() throws Exception {
        Kubeconfig config = kubeconfig("", "client-certificate: certs/client.crt, client-key: certs/client.key");

        assertThatThrownBy(() -> new ClusterConnector().connectSource(config, "aks"))
                .isInstanceOfSatisfying(ClusterException.class,
                        e -> assertThat(e.reason()).isEqualTo(ClusterException.Reason.CONFIGURATION))
                .hasMessageContaining("`" + dir.resolve("certs/client.crt") + "` as the client-certificate of context `aks`");
    }

    @Test
    void namesAMissingCertificateAuthority() throws Exception {
        Kubeconfig config = kubeconfig(", certificate-authority: /nonexistent/ca.crt", "token: t");

        assertThatThrownBy(() -> new ClusterConnector().connectSource(config, "aks"))
                .hasMessageContaining("`/nonexistent/ca.crt` as the certificate-authority");
    }

    @Test
    void namesAMissingTokenFileThatFabric8WouldSilentlyIgnore() throws Exception {
        Kubeconfig config = kubeconfig("", "tokenFile: /nonexistent/token");

        assertThatThrownBy(() -> new ClusterConnector().connectSource(config, "aks"))
                .hasMessageContaining("`/nonexistent/token` as the tokenFile");
    }

    @Test
    void filesThatExistPassTheCheckAndTheConnectionIsTried() throws Exception {
        Files.writeString(dir.resolve("token"), "t");
        Kubeconfig config = kubeconfig("", "tokenFile: token");

        assertThatThrownBy(() -> new ClusterConnector().connectSource(config, "aks"))
                .isInstanceOfSatisfying(ClusterException.class,
                        e -> assertThat(e.reason()).isNotEqualTo(ClusterException.Reason.CONFIGURATION));
    }
}
