package dev.ferry.plan.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.engine.Direction;
import dev.ferry.engine.settings.MigrationSettings;
import dev.ferry.model.KubeObject;
import dev.ferry.model.io.ManifestReader;
import dev.ferry.model.io.ManifestSet;
import dev.ferry.plan.propose.ProposeService;
import dev.ferry.plan.report.ProposeReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleRoundTripTest {

    @TempDir
    Path dir;

    private static final String ESTATE = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: shop}
            spec:
              template:
                spec:
                  containers: [{name: web, image: shopacr.azurecr.io/web:1}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: "system:shop-reader"}
            rules: []
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: kube-root-ca.crt, namespace: shop}
            """;

    private BundleContent content() {
        ManifestSet input = new ManifestReader().readText("estate.yaml", ESTATE);
        MigrationSettings settings = MigrationSettings.empty(Direction.AKS_TO_EKS);
        return new BundleContent(new ProposeService().propose(input, settings), settings, "test estate",
                input.problems(), "test", Instant.parse("2026-11-21T00:00:00Z"));
    }

    @Test
    void writesTheLayoutOfTheDesignAndReadsItBack() throws Exception {
        Path bundle = dir.resolve("bundle");
        new BundleWriter(new ProposeReport()).write(content(), bundle);

        assertThat(bundle.resolve("bundle.yaml")).exists();
        assertThat(bundle.resolve("settings.yaml")).exists();
        assertThat(bundle.resolve("source/shop/deployment.web.yaml")).exists();
        assertThat(bundle.resolve("proposed/_cluster/clusterrole.system%3Ashop-reader.yaml")).exists();
        assertThat(bundle.resolve("changes.yaml")).exists();
        assertThat(bundle.resolve("excluded.yaml")).content().contains("kube-root-ca.crt");
        assertThat(bundle.resolve("artifacts/registry/images.tsv")).exists();
        assertThat(bundle.resolve("report.md")).content().contains("# Ferry migration report");

        Bundle read = new BundleReader().read(bundle);
        assertThat(read.verification().intact()).isTrue();
        assertThat(read.source()).extracting(KubeObject::name).containsExactlyInAnyOrder("web", "system:shop-reader");
        assertThat(read.proposed().stream().filter(o -> o.name().equals("web")).findFirst().orElseThrow()
                .at("/spec/template/spec/containers/0/image").asText()).startsWith("AWS_ACCOUNT_ID.dkr.ecr.");
        assertThat(read.changes()).isEqualTo(content().proposal().changes());
        assertThat(read.excluded()).hasSize(1);
        assertThat(read.artifacts()).containsKey("registry/images.tsv");
    }

    @Test
    void aReaderForReviewStillVerifiesProposedFilesAndHandsOverEveryChangeEntry() throws Exception {
        Path bundle = dir.resolve("bundle");
        new BundleWriter(new ProposeReport()).write(content(), bundle);
        List<KubeObject> source = new BundleReader().read(bundle).source();
        Files.writeString(bundle.resolve("proposed/shop/deployment.web.yaml"), "kind: Deployment\n");
        List<com.fasterxml.jackson.databind.JsonNode> nodes = new java.util.ArrayList<>();

        Bundle read = BundleReader.forReview(nodes::add).read(bundle);

        assertThat(read.verification().changed()).containsExactly("proposed/shop/deployment.web.yaml");
        assertThat(read.proposed()).isEmpty();
        assertThat(read.source()).extracting(KubeObject::body).containsExactlyElementsOf(
                source.stream().map(KubeObject::body).toList());
        assertThat(nodes).extracting(node -> node.path("id").asText())
                .containsExactlyElementsOf(read.changes().stream().map(dev.ferry.engine.Change::id).toList());
    }

    @Test
    void aReviewReadSaysHowFarItIsOnlyForwardAndEndsDone() throws Exception {
        Path bundle = dir.resolve("bundle");
        new BundleWriter(new ProposeReport()).write(content(), bundle);
        List<Double> reported = new java.util.concurrent.CopyOnWriteArrayList<>();

        Bundle read = BundleReader.forReview(node -> { }, reported::add).read(bundle);

        assertThat(read.verification().intact()).isTrue();
        assertThat(reported).isNotEmpty().allMatch(done -> done > 0 && done <= 1).isSorted();
        assertThat(reported.get(reported.size() - 1)).isEqualTo(1.0);
    }

    @Test
    void readsAManyChangesFileInPartsAsItReadsItWholeEvenWhenAStringLooksLikeAnEntry() throws Exception {
        StringBuilder estate = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            estate.append("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web").append(i)
                    .append(", namespace: shop}\nspec:\n  template:\n    spec:\n      containers: [{name: web, image: ")
                    .append("shopacr.azurecr.io/web:").append(i).append("}]\n---\n");
        }
        ManifestSet input = new ManifestReader().readText("estate.yaml", estate.toString());
        MigrationSettings settings = MigrationSettings.empty(Direction.AKS_TO_EKS);
        BundleContent many = new BundleContent(new ProposeService().propose(input, settings), settings, "estate",
                input.problems(), "test", Instant.parse("2026-11-21T00:00:00Z"));
        Path bundle = dir.resolve("bundle");
        new BundleWriter(new ProposeReport()).write(many, bundle);
        assertThat(many.proposal().changes()).hasSizeGreaterThanOrEqualTo(60);
        assertThat(new BundleReader().read(bundle).changes()).isEqualTo(many.proposal().changes());

        // a hand edit: a quoted summary across the middle of the file, with a line inside it shaped like an entry
        Path changes = bundle.resolve("changes.yaml");
        String text = Files.readString(changes);
        int middle = text.indexOf("    summary: ", text.length() / 3);
        int lineEnd = text.indexOf('\n', middle);
        Files.writeString(changes, text.substring(0, middle) + "    summary: \"" + "x".repeat(text.length())
                + "\n  - id: not-an-entry\"" + text.substring(lineEnd));
        List<com.fasterxml.jackson.databind.JsonNode> nodes = new java.util.ArrayList<>();

        Bundle read = BundleReader.forReview(nodes::add).read(bundle);

        com.fasterxml.jackson.databind.JsonNode whole = BundleReader.readTree(bundle, "changes.yaml");
        assertThat(nodes).containsExactlyElementsOf(whole::elements);
        assertThat(read.changes()).hasSize(many.proposal().changes().size());
        assertThat(read.verification().changed()).containsExactly("changes.yaml");
    }

    @Test
    void reportsFilesChangedAddedOrMissingSinceWritten() throws Exception {
        Path bundle = dir.resolve("bundle");
        new BundleWriter(new ProposeReport()).write(content(), bundle);
        Files.writeString(bundle.resolve("report.md"), "edited");
        Files.delete(bundle.resolve("artifacts/registry/images.tsv"));
        Files.writeString(bundle.resolve("proposed/shop/configmap.extra.yaml"),
                "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: extra, namespace: shop}\n");

        Bundle.Verification verification = new BundleReader().read(bundle).verification();
        assertThat(verification.changed()).containsExactly("report.md");
        assertThat(verification.missing()).containsExactly("artifacts/registry/images.tsv");
        assertThat(verification.added()).containsExactly("proposed/shop/configmap.extra.yaml");
    }

    @Test
    void refusesAManifestThatPointsOutsideTheBundle() throws Exception {
        Path bundle = dir.resolve("bundle");
        new BundleWriter(new ProposeReport()).write(content(), bundle);
        Path manifest = bundle.resolve("bundle.yaml");
        Files.writeString(manifest, Files.readString(manifest).replace("files:", "files:\n  ../outside.txt: abc"));
        assertThatThrownBy(() -> new BundleReader().read(bundle))
                .isInstanceOf(BundleException.class).hasMessageContaining("outside the bundle");
    }

    @Test
    void replacesAnEarlierBundleButNeverAFolderOfOtherFiles() throws Exception {
        Path bundle = dir.resolve("bundle");
        new BundleWriter(new ProposeReport()).write(content(), bundle);
        new BundleWriter(new ProposeReport()).write(content(), bundle);
        assertThat(new BundleReader().read(bundle).verification().intact()).isTrue();

        Path mine = dir.resolve("mine");
        Files.createDirectories(mine);
        Files.writeString(mine.resolve("notes.txt"), "precious");
        assertThatThrownBy(() -> new BundleWriter(new ProposeReport()).write(content(), mine))
                .isInstanceOf(BundleException.class).hasMessageContaining("not a Ferry bundle");
        assertThat(mine.resolve("notes.txt")).hasContent("precious");
    }

    @Test
    void leavesNothingBehindWhenWritingFails() throws IOException {
        Path blocked = dir.resolve("blocked");
        Files.writeString(blocked, "a file where the parent folder should be");
        assertThatThrownBy(() -> new BundleWriter(new ProposeReport()).write(content(), blocked.resolve("bundle")))
                .isInstanceOf(BundleException.class).hasMessageContaining("nothing was written");
        try (var entries = Files.list(dir)) {
            assertThat(entries.map(p -> p.getFileName().toString()).toList()).containsExactly("blocked");
        }
    }

    @Test
    void refusesAFolderWithoutManifest() {
        assertThatThrownBy(() -> new BundleReader().read(dir))
                .isInstanceOf(BundleException.class).hasMessageContaining("not a Ferry bundle");
    }

    @Test
    void refusesAnUnreadableObjectFileNamingIt() throws Exception {
        Path bundle = dir.resolve("bundle");
        new BundleWriter(new ProposeReport()).write(content(), bundle);
        Files.writeString(bundle.resolve("proposed/shop/deployment.web.yaml"), "kind: [broken");
        assertThatThrownBy(() -> new BundleReader().read(bundle))
                .isInstanceOf(BundleException.class).hasMessageContaining("deployment.web.yaml");
    }

    @Test
    void objectPathsStaySafeAndDistinct() {
        var key = dev.ferry.model.ResourceKey.of("v1", "ConfigMap", "ns", "..");
        assertThat(BundleLayout.objectPath(key, false)).isEqualTo("ns/configmap.%2E%2E.yaml");
        var certA = dev.ferry.model.ResourceKey.of("cert-manager.io/v1", "Certificate", "ns", "tls");
        assertThat(BundleLayout.objectPath(certA, true)).isEqualTo("ns/certificate.cert-manager.io.tls.yaml");
        assertThat(List.of(BundleLayout.objectPath(certA, false))).containsExactly("ns/certificate.tls.yaml");
    }

    @Test
    void proposingAgainKeepsTheApplyJournal() throws Exception {
        Path bundle = dir.resolve("bundle");
        new BundleWriter(new ProposeReport()).write(content(), bundle);
        Files.createDirectories(bundle.resolve("journal"));
        Files.writeString(bundle.resolve("journal/wave-0.jsonl"), "{\"seq\":1}\n");

        new BundleWriter(new ProposeReport()).write(content(), bundle);

        assertThat(bundle.resolve("journal/wave-0.jsonl")).hasContent("{\"seq\":1}");
        assertThat(new BundleReader().read(bundle).verification().intact()).isTrue();
    }
}
