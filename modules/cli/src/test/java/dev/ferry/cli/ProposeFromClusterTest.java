package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.model.io.Yaml;
import dev.ferry.plan.bundle.BundleReader;
import dev.ferry.plan.bundle.ClusterOrigin;
import dev.ferry.sandbox.SandboxPair;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ferry propose --context}: inventory and propose in one step, and the source it records guards apply. */
class ProposeFromClusterTest {

    @TempDir
    Path dir;

    private SandboxPair sandboxes;

    @BeforeEach
    void start() throws Exception {
        sandboxes = SandboxPair.start(dir.resolve("sandbox"), SandboxPair.Estate.DEMO, 0, Duration.ofMillis(20));
    }

    @AfterEach
    void stop() {
        sandboxes.close();
    }

    @Test
    void proposeWithAContextTakesTheInventoryBesideTheBundleAndRecordsTheSourceCluster() throws Exception {
        Path bundle = dir.resolve("shop-bundle");

        CliRunner result = CliRunner.run("propose", "--context", SandboxPair.SOURCE_CONTEXT, "--kubeconfig",
                sandboxes.sourceKubeconfig().toString(), "--namespace", "storefront", "checkout", "--out",
                bundle.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).contains("Connected to `" + SandboxPair.SOURCE_CONTEXT + "`").contains("types]");
        assertThat(result.out()).contains("objects written").doesNotContain("next: ferry propose");
        Path inventory = dir.resolve("shop-bundle.inventory");
        assertThat(inventory.resolve(".inventory.yaml")).exists();
        assertThat(inventory.resolve("storefront")).isDirectory();
        assertThat(inventory.resolve("payments")).doesNotExist();

        JsonNode manifest = Yaml.parse(Files.readString(bundle.resolve("bundle.yaml")));
        assertThat(ClusterOrigin.fromManifest(manifest))
                .contains(new ClusterOrigin(SandboxPair.SOURCE_CONTEXT, sandboxes.source().url()));
        assertThat(manifest.path("source").asText()).contains(SandboxPair.SOURCE_CONTEXT);
        assertThat(Files.readString(bundle.resolve("bundle.yaml"))).doesNotContain("token");
        assertThat(new BundleReader().read(bundle).sourceCluster()).isPresent();
        assertThat(new BundleReader().read(bundle).source()).extracting(o -> o.namespace())
                .filteredOn(ns -> !ns.isEmpty()).containsOnly("storefront", "checkout");

        CliRunner again = CliRunner.run("propose", "--context", SandboxPair.SOURCE_CONTEXT, "--kubeconfig",
                sandboxes.sourceKubeconfig().toString(), "--out", bundle.toString());
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(inventory.resolve("payments")).isDirectory();
    }

    @Test
    void applyAndRollbackRefuseTheBundlesSourceClusterNamingBoth() throws Exception {
        Path bundle = dir.resolve("bundle");
        assertThat(CliRunner.run("propose", "--context", SandboxPair.SOURCE_CONTEXT, "--kubeconfig",
                sandboxes.sourceKubeconfig().toString(), "--namespace", "storefront", "--out", bundle.toString())
                .exitCode()).isZero();
        assertThat(CliRunner.run("approve", bundle.toString(), "--all", "--by", "test").exitCode()).isZero();
        assertThat(CliRunner.run("plan", bundle.toString(), "--auto", "--by", "test").exitCode()).isZero();
        // a second context name for the source's server: the check is by server, not by name
        Path aliased = dir.resolve("aliased.kubeconfig");
        Files.writeString(aliased, sandboxes.source().kubeconfig("looks-like-eks"));
        long writesBefore = sandboxes.source().requests().count(e -> !e.request().method().equals("GET"));

        CliRunner apply = CliRunner.run("apply", bundle.toString(), "--wave", "0", "--context", "looks-like-eks",
                "--kubeconfig", aliased.toString());
        CliRunner dryRun = CliRunner.run("apply", bundle.toString(), "--wave", "0", "--context", "looks-like-eks",
                "--kubeconfig", aliased.toString(), "--dry-run");
        CliRunner rollback = CliRunner.run("rollback", bundle.toString(), "--wave", "0", "--context",
                "looks-like-eks", "--kubeconfig", aliased.toString());

        for (CliRunner refused : new CliRunner[] {apply, dryRun, rollback}) {
            assertThat(refused.exitCode()).as(refused.err()).isEqualTo(2);
            assertThat(refused.err()).contains("`looks-like-eks`").contains("`" + SandboxPair.SOURCE_CONTEXT + "`")
                    .contains(sandboxes.source().url()).contains("source cluster").contains("Nothing was written");
        }
        assertThat(sandboxes.source().requests().count(e -> !e.request().method().equals("GET")))
                .isEqualTo(writesBefore);
        assertThat(bundle.resolve("journal")).doesNotExist();

        CliRunner toTarget = CliRunner.run("apply", bundle.toString(), "--wave", "0", "--context",
                SandboxPair.TARGET_CONTEXT, "--kubeconfig", sandboxes.targetKubeconfig().toString(), "--dry-run");
        assertThat(toTarget.exitCode()).as(toTarget.err()).isZero();
    }

    @Test
    void aBundleProposedFromFilesRecordsNoSourceAndAnOldBundleStillReads() throws Exception {
        Path manifests = Files.writeString(dir.resolve("cm.yaml"),
                "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, namespace: shop}\ndata: {k: v}\n");
        Path bundle = dir.resolve("files-bundle");
        assertThat(CliRunner.run("propose", "--out", bundle.toString(), manifests.toString()).exitCode()).isZero();

        assertThat(Files.readString(bundle.resolve("bundle.yaml"))).doesNotContain(ClusterOrigin.MANIFEST_KEY);
        assertThat(new BundleReader().read(bundle).sourceCluster()).isEmpty();
    }

    @Test
    void contextAndInputTogetherOrNeitherIsBadInput() {
        CliRunner both = CliRunner.run("propose", "--context", SandboxPair.SOURCE_CONTEXT, "--out",
                dir.resolve("b").toString(), dir.toString());
        CliRunner neither = CliRunner.run("propose", "--out", dir.resolve("b").toString());

        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("either INPUT or --context");
        assertThat(neither.exitCode()).isEqualTo(2);
        assertThat(neither.err()).contains("--context CTX");
        assertThat(dir.resolve("b")).doesNotExist();
    }

    @Test
    void anUnreachableClusterIsAClusterErrorAndWritesNoBundle() throws Exception {
        Path config = sandboxes.target().writeKubeconfig(dir.resolve("gone.kubeconfig"), "gone");
        sandboxes.target().refuseConnections();

        CliRunner result = CliRunner.run("propose", "--context", "gone", "--kubeconfig", config.toString(), "--out",
                dir.resolve("b").toString());

        assertThat(result.exitCode()).as(result.err()).isEqualTo(3);
        assertThat(result.err()).startsWith("ferry propose:").doesNotContain("sandbox-token");
        assertThat(dir.resolve("b")).doesNotExist();
    }
}
