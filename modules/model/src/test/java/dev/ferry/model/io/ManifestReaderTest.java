package dev.ferry.model.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.model.KubeObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestReaderTest {

    private final ManifestReader reader = new ManifestReader();

    private static final String CONFIG_MAP = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: %s, namespace: shop}\n";

    @Test
    void readsEveryDocumentOfAMultiDocumentFile() {
        ManifestSet set = reader.readText("a.yaml", "---\n" + CONFIG_MAP.formatted("one") + "---\n"
                + CONFIG_MAP.formatted("two") + "...\n---\n# only a comment\n---\n" + CONFIG_MAP.formatted("three"));
        assertThat(set.problems()).isEmpty();
        assertThat(set.objects()).extracting(KubeObject::name).containsExactly("one", "two", "three");
        assertThat(set.objects().get(1).origin().document()).isEqualTo(2);
        assertThat(set.objects().get(1).origin().line()).isEqualTo(6);
    }

    @Test
    void readsCrlfFiles() {
        ManifestSet set = reader.readText("crlf.yaml", (CONFIG_MAP.formatted("one") + "---\n"
                + CONFIG_MAP.formatted("two")).replace("\n", "\r\n"));
        assertThat(set.problems()).isEmpty();
        assertThat(set.objects()).hasSize(2);
    }

    @Test
    void expandsListsIncludingTypedLists() {
        ManifestSet set = reader.readText("list.yaml", """
                apiVersion: v1
                kind: List
                items:
                  - {apiVersion: v1, kind: ConfigMap, metadata: {name: a}}
                  - {apiVersion: v1, kind: Service, metadata: {name: b}}
                ---
                apiVersion: v1
                kind: ConfigMapList
                items:
                  - metadata: {name: c, namespace: x}
                """);
        assertThat(set.problems()).isEmpty();
        assertThat(set.objects()).extracting(o -> o.kind() + "/" + o.name())
                .containsExactly("ConfigMap/a", "Service/b", "ConfigMap/c");
    }

    @Test
    void readsJsonManifests(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("svc.json"), "{\"apiVersion\":\"v1\",\"kind\":\"Service\",\"metadata\":{\"name\":\"s\"}}");
        ManifestSet set = reader.read(List.of(dir));
        assertThat(set.objects()).extracting(KubeObject::name).containsExactly("s");
    }

    @Test
    void reportsMalformedDocumentWithFileDocumentAndLineAndReadsTheOthers() {
        ManifestSet set = reader.readText("bad.yaml", CONFIG_MAP.formatted("good") + "---\n"
                + "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [unclosed\n---\n" + CONFIG_MAP.formatted("after"));
        assertThat(set.objects()).extracting(KubeObject::name).containsExactly("good", "after");
        assertThat(set.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("bad.yaml");
            assertThat(p.document()).isEqualTo(2);
            assertThat(p.line()).isBetween(8, 10);
            assertThat(p.message()).startsWith("malformed YAML");
        });
    }

    @Test
    void reportsDuplicateKeys() {
        ManifestSet set = reader.readText("dup.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n"
                + "data:\n  x: '1'\n  x: '2'\n");
        assertThat(set.objects()).isEmpty();
        assertThat(set.problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("duplicate key `x`");
            assertThat(p.line()).isEqualTo(6);
        });
    }

    @Test
    void reportsSeparatorGluedToEndOfLine() {
        ManifestSet set = reader.readText("glued.yaml", """
                apiVersion: v1
                kind: Pod
                metadata: {name: first}
                spec:
                  tolerations:
                    - key: CriticalAppsOnly
                      operator: Exists---
                # Source: chart/templates/job.yaml
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: second}
                """);
        assertThat(set.objects()).extracting(KubeObject::name).containsExactly("second");
        assertThat(set.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(7);
            assertThat(p.message()).contains("`---` is glued");
        });
    }

    @Test
    void reportsDocumentsThatAreNotObjects() {
        ManifestSet set = reader.readText("x.yaml", "just a string\n---\n- a\n- b\n---\napiVersion: v1\nkind: ConfigMap\n"
                + "metadata: {}\n---\napiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [a.yaml]\n");
        assertThat(set.objects()).isEmpty();
        assertThat(set.problems()).extracting(ManifestProblem::message)
                .anySatisfy(m -> assertThat(m).contains("not a Kubernetes object"))
                .anySatisfy(m -> assertThat(m).contains("missing metadata.name"))
                .anySatisfy(m -> assertThat(m).contains("Kustomization"));
    }

    @Test
    void namesLinesAsAnEditorCountsThemWhenTheTextHoldsUnicodeLineSeparators() {
        // YAML also breaks lines at U+2028; the user's editor does not, so line 3 is the line they can find
        ManifestSet set = reader.readText("ls.yaml", "apiVersion: v1\nkind: ConfigMap\n"
                + "metadata: {name: a, annotations: {note: \"one\u2028two\"}}\nkind: Secret\n");
        assertThat(set.problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("duplicate key `kind`");
            assertThat(p.line()).isEqualTo(4);
        });
    }

    @Test
    void readsAFluxKustomizationAsAnObjectButNotAKustomizeBuildFile() {
        ManifestSet set = reader.readText("apps.yaml", "apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\n"
                + "metadata: {name: apps, namespace: flux-system}\nspec: {path: ./apps}\n---\nkind: Kustomization\n"
                + "resources: [a.yaml]\n");
        assertThat(set.objects()).extracting(o -> o.key().name()).containsExactly("apps");
        assertThat(set.problems()).singleElement().satisfies(p -> {
            assertThat(p.document()).isEqualTo(2);
            assertThat(p.message()).contains("is a Kustomization", "kubectl kustomize");
        });
    }

    @Test
    void ignoresFilesWithOnlyComments() {
        ManifestSet set = reader.readText("c.yaml", "# apiVersion: v1\n# kind: Pod\n\n---\n# nothing\n");
        assertThat(set.objects()).isEmpty();
        assertThat(set.problems()).isEmpty();
    }

    @Test
    void stopsAliasBombs() {
        StringBuilder bomb = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: lol}\n");
        bomb.append("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        char previous = 'a';
        for (char c = 'b'; c <= 'j'; c++) {
            bomb.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                bomb.append(i == 0 ? "" : ",").append('*').append(previous);
            }
            bomb.append("]\n");
            previous = c;
        }
        ManifestSet set = reader.readText("bomb.yaml", bomb.toString());
        assertThat(set.objects()).isEmpty();
        assertThat(set.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("aliases"));
    }

    @Test
    void resolvesAnchorsAliasesAndMergeKeys() {
        ManifestSet set = reader.readText("anchors.yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: anchors, labels: &labels {app: web, tier: front}}
                base: &base {replicas: 2, image: web}
                data:
                  copy: *labels
                  merged: {<<: *base, replicas: 3}
                  yes-is-bool: yes
                  quoted: "yes"
                """);
        assertThat(set.problems()).isEmpty();
        assertThat(set.objects().get(0).body().toString())
                .contains("\"copy\":{\"app\":\"web\",\"tier\":\"front\"}")
                .contains("\"merged\":{\"replicas\":3,\"image\":\"web\"}")
                .contains("\"yes-is-bool\":true")
                .contains("\"quoted\":\"yes\"");
    }

    @Test
    void refusesSelfReferencingAliasAndDeepNesting() {
        ManifestSet set = reader.readText("deep.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: d}\n"
                + "data: " + "[".repeat(500) + "]".repeat(500) + "\n---\n"
                + "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: r}\ndata: &a [*a]\n");
        assertThat(set.objects()).isEmpty();
        assertThat(set.problems()).hasSize(2);
    }

    @Test
    void refusesDocumentsOverTheSizeLimit() {
        ManifestReader small = new ManifestReader(new ReadLimits(50, 1000, 1 << 20, 50));
        ManifestSet set = small.readText("big.yaml", CONFIG_MAP.formatted("big") + "data:\n  x: '" + "a".repeat(2000) + "'\n");
        assertThat(set.objects()).isEmpty();
        assertThat(set.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("limit"));
    }

    @Test
    void reportsInvalidUtf8AndBinaryFiles(@TempDir Path dir) throws IOException {
        byte[] latin1 = (CONFIG_MAP.formatted("x") + "data: {k: 'caf\u00e9'}\n").getBytes(StandardCharsets.ISO_8859_1);
        Files.write(dir.resolve("latin1.yaml"), latin1);
        Files.write(dir.resolve("binary.yaml"), new byte[] {0x7f, 'E', 'L', 'F', 0, 0, 1});
        ManifestSet set = reader.read(List.of(dir));
        assertThat(set.objects()).isEmpty();
        assertThat(set.problems()).extracting(ManifestProblem::message)
                .anySatisfy(m -> assertThat(m).contains("not valid UTF-8"))
                .anySatisfy(m -> assertThat(m).contains("binary"));
        assertThat(set.problems()).filteredOn(p -> p.message().contains("UTF-8"))
                .singleElement().satisfies(p -> assertThat(p.line()).isEqualTo(4));
    }

    @Test
    void walksFoldersRecursivelyForManifestExtensionsOnly(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("a/b"));
        Files.writeString(dir.resolve("a/b/one.yml"), CONFIG_MAP.formatted("one"));
        Files.writeString(dir.resolve("a/two.yaml"), CONFIG_MAP.formatted("two"));
        Files.writeString(dir.resolve("a/readme.md"), "# not a manifest");
        Files.createDirectories(dir.resolve(".git"));
        Files.writeString(dir.resolve(".git/x.yaml"), CONFIG_MAP.formatted("hidden"));
        ManifestSet set = reader.read(List.of(dir));
        assertThat(set.files()).isEqualTo(2);
        assertThat(set.objects()).extracting(KubeObject::name).containsExactlyInAnyOrder("one", "two");
    }

    @Test
    void reportsMissingInput() {
        ManifestSet set = reader.read(List.of(Path.of("does/not/exist")));
        assertThat(set.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("does not exist"));
    }
}
