package dev.ferry.cluster.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubeconfigLoaderTest {

    private static final String TOKEN = "canary-token-5f1e9";

    @TempDir
    Path dir;

    private Path kubeconfig(String name, String current, String... contexts) throws IOException {
        StringBuilder yaml = new StringBuilder("apiVersion: v1\nkind: Config\n");
        if (current != null) {
            yaml.append("current-context: ").append(current).append('\n');
        }
        yaml.append("clusters:\n");
        for (String context : contexts) {
            yaml.append("- name: ").append(context).append("-cluster\n  cluster:\n    server: https://")
                    .append(context).append('.').append(name).append(".example:443\n");
        }
        yaml.append("users:\n");
        for (String context : contexts) {
            yaml.append("- name: ").append(context).append("-user\n  user:\n    token: ").append(TOKEN).append('\n');
        }
        yaml.append("contexts:\n");
        for (String context : contexts) {
            yaml.append("- name: ").append(context).append("\n  context:\n    cluster: ").append(context)
                    .append("-cluster\n    user: ").append(context).append("-user\n    namespace: shop\n");
        }
        Path file = dir.resolve(name);
        Files.writeString(file, yaml.toString());
        return file;
    }

    @Test
    void readsAnExplicitFileAndListsItsContexts() throws Exception {
        Path file = kubeconfig("one", "aks", "aks", "eks");
        Kubeconfig config = new KubeconfigLoader(Map.of(), dir).load(file);

        assertThat(config.contexts()).extracting(KubeContext::name).containsExactly("aks", "eks");
        KubeContext aks = config.resolve(null);
        assertThat(aks.server()).isEqualTo("https://aks.one.example:443");
        assertThat(aks.user()).isEqualTo("aks-user");
        assertThat(aks.namespace()).isEqualTo("shop");
        assertThat(aks.cluster()).isEqualTo("aks-cluster");
        assertThat(config.toString() + aks).doesNotContain(TOKEN);
    }

    @Test
    void mergesKubeconfigPathsInOrderWithTheFirstFileWinning() throws Exception {
        Path first = kubeconfig("first", "shared", "shared", "only-first");
        Path second = kubeconfig("second", "other", "shared", "only-second");
        Map<String, String> env = Map.of("KUBECONFIG", first + ":" + dir.resolve("missing") + ":" + second);

        Kubeconfig config = new KubeconfigLoader(env, dir, ":").load(null);

        assertThat(config.files()).containsExactly(first, second);
        assertThat(config.contexts()).extracting(KubeContext::name)
                .containsExactly("shared", "only-first", "only-second");
        assertThat(config.resolve("shared").server()).isEqualTo("https://shared.first.example:443");
        assertThat(config.currentContext()).contains("shared");
        assertThat(config.warnings()).singleElement().asString().contains("missing");
    }

    @Test
    void fallsBackToTheHomeKubeconfig() throws Exception {
        Path kube = Files.createDirectories(dir.resolve("home/.kube"));
        Files.move(kubeconfig("config", "aks", "aks"), kube.resolve("config"));

        Kubeconfig config = new KubeconfigLoader(Map.of(), dir.resolve("home")).load(null);

        assertThat(config.resolve("aks").file()).isEqualTo(kube.resolve("config"));
    }

    @Test
    void saysWhatToDoWhenNoKubeconfigIsFound() {
        assertThatThrownBy(() -> new KubeconfigLoader(Map.of(), dir).load(null))
                .isInstanceOf(KubeconfigException.class)
                .hasMessageContaining(".kube")
                .hasMessageContaining("--kubeconfig")
                .hasMessageContaining("aws eks update-kubeconfig");
        assertThatThrownBy(() -> new KubeconfigLoader(Map.of("KUBECONFIG", dir.resolve("a").toString()), dir)
                .load(null)).isInstanceOf(KubeconfigException.class).hasMessageContaining("KUBECONFIG");
        assertThatThrownBy(() -> new KubeconfigLoader(Map.of(), dir).load(dir.resolve("nope")))
                .isInstanceOf(KubeconfigException.class).hasMessageContaining("nope").hasMessageContaining("--kubeconfig");
    }

    @Test
    void namesTheMalformedFileWithoutQuotingIt() throws IOException {
        Path file = dir.resolve("broken");
        Files.writeString(file, "apiVersion: v1\nusers:\n- name: u\n  user:\n    token: " + TOKEN + "\n   bad: [\n");

        assertThatThrownBy(() -> new KubeconfigLoader(Map.of(), dir).load(file))
                .isInstanceOf(KubeconfigException.class)
                .hasMessageContaining("broken")
                .hasMessageContaining("not a valid kubeconfig")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(TOKEN));
    }

    @Test
    void unknownContextListsTheContextsThatExist() throws Exception {
        Kubeconfig config = new KubeconfigLoader(Map.of(), dir).load(kubeconfig("one", null, "aks", "eks"));

        assertThatThrownBy(() -> config.resolve("gke")).isInstanceOf(KubeconfigException.class)
                .hasMessageContaining("`gke`").hasMessageContaining("aks, eks");
        assertThatThrownBy(() -> config.resolve(null)).isInstanceOf(KubeconfigException.class)
                .hasMessageContaining("--context");
    }
}
