package dev.ferry.cluster.connect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.cluster.config.KubeContext;
import dev.ferry.cluster.config.Kubeconfig;
import dev.ferry.cluster.config.KubeconfigLoader;
import io.fabric8.kubernetes.client.Config;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientConfigsTest {

    @TempDir
    Path dir;

    private ConnectOptions options(Map<String, String> env) {
        return new ConnectOptions(Duration.ofSeconds(3), Duration.ofSeconds(7), Duration.ofMinutes(5), env);
    }

    @Test
    void runsAnExecCredentialPluginAndKeepsItsTokenFresh() throws Exception {
        Path plugin = dir.resolve("get-token.sh");
        Files.writeString(plugin, "#!/bin/sh\necho '{\"apiVersion\":\"client.authentication.k8s.io/v1beta1\","
                + "\"kind\":\"ExecCredential\",\"status\":{\"token\":\"exec-token-1\"}}'\n");
        Files.setPosixFilePermissions(plugin, PosixFilePermissions.fromString("rwx------"));
        Path file = dir.resolve("config");
        Files.writeString(file, "apiVersion: v1\nkind: Config\ncurrent-context: eks\n"
                + "clusters: [{name: c, cluster: {server: 'https://eks.example', proxy-url: 'http://proxy:3128'}}]\n"
                + "users: [{name: u, user: {exec: {apiVersion: client.authentication.k8s.io/v1beta1,"
                + " command: " + plugin + ", interactiveMode: Never}}}]\n"
                + "contexts: [{name: eks, context: {cluster: c, user: u, namespace: shop}}]\n");
        Kubeconfig kubeconfig = new KubeconfigLoader(Map.of(), dir).load(file);
        KubeContext context = kubeconfig.resolve("eks");

        ClientConfigs.Built built = ClientConfigs.build(kubeconfig.files(), context, options(Map.of()));

        Config config = built.config();
        assertThat(built.execCommand()).isEqualTo(plugin.toString());
        assertThat(config.getMasterUrl()).startsWith("https://eks.example");
        assertThat(config.getOauthTokenProvider()).isNotNull();
        assertThat(config.getOauthTokenProvider().getToken()).isEqualTo("exec-token-1");
        assertThat(config.getHttpProxy()).isEqualTo("http://proxy:3128");
        assertThat(config.getRequestRetryBackoffLimit()).isZero();
        assertThat(config.getRequestTimeout()).isEqualTo(7000);
        assertThat(config.getOauthTokenProvider().toString()).doesNotContain("exec-token-1");
    }

    @Test
    void readsProxiesFromTheGivenEnvironmentOnlyWhenTheKubeconfigNamesNone() throws Exception {
        Path file = dir.resolve("config");
        Files.writeString(file, "apiVersion: v1\nkind: Config\n"
                + "clusters: [{name: c, cluster: {server: 'https://aks.example'}}]\n"
                + "users: [{name: u, user: {token: abc}}]\ncontexts: [{name: aks, context: {cluster: c, user: u}}]\n");
        Kubeconfig kubeconfig = new KubeconfigLoader(Map.of(), dir).load(file);

        Config config = ClientConfigs.build(kubeconfig.files(), kubeconfig.resolve("aks"),
                options(Map.of("HTTPS_PROXY", "http://corp:8080", "NO_PROXY", "localhost,10.0.0.0/8"))).config();

        assertThat(config.getHttpsProxy()).isEqualTo("http://corp:8080");
        assertThat(config.getNoProxy()).containsExactly("localhost", "10.0.0.0/8");
        assertThat(config.getAutoOAuthToken()).isEqualTo("abc");
    }
}
