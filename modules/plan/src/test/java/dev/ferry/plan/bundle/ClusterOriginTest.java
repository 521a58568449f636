package dev.ferry.plan.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.engine.Direction;
import dev.ferry.engine.settings.MigrationSettings;
import dev.ferry.model.io.ManifestReader;
import dev.ferry.model.io.ManifestSet;
import dev.ferry.model.io.Yaml;
import dev.ferry.plan.propose.ProposeService;
import dev.ferry.plan.report.ProposeReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterOriginTest {

    @TempDir
    Path dir;

    private BundleContent content() {
        ManifestSet input = new ManifestReader().readText("estate.yaml",
                "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, namespace: shop}\ndata: {k: v}\n");
        MigrationSettings settings = MigrationSettings.empty(Direction.AKS_TO_EKS);
        return new BundleContent(new ProposeService().propose(input, settings), settings, "test", input.problems(),
                "test", Instant.parse("2026-11-21T00:00:00Z"));
    }

    @Test
    void theBundleRecordsTheSourceClusterAndReadsItBack() throws Exception {
        Path bundle = dir.resolve("bundle");
        ClusterOrigin origin = new ClusterOrigin("aks-prod", "https://shop-dns-1234.hcp.westeurope.azmk8s.io:443");
        new BundleWriter(new ProposeReport()).write(content().withSourceCluster(origin), bundle);

        Bundle read = new BundleReader().read(bundle);
        assertThat(read.sourceCluster()).contains(origin);
        assertThat(read.verification().intact()).isTrue();
        assertThat(read.manifest().path("sourceCluster").size()).as("context and server only").isEqualTo(2);
    }

    @Test
    void aBundleWithoutASourceClusterReadsAsNone() throws Exception {
        Path bundle = dir.resolve("bundle");
        new BundleWriter(new ProposeReport()).write(content(), bundle);

        assertThat(Files.readString(bundle.resolve("bundle.yaml"))).doesNotContain("sourceCluster");
        assertThat(new BundleReader().read(bundle).sourceCluster()).isEmpty();
        assertThat(ClusterOrigin.fromManifest(Yaml.parse("sourceCluster: {context: x}\n"))).isEmpty();
    }

    @Test
    void readsTheOriginFromAnInventorySummary() throws Exception {
        Path inventory = Files.createDirectories(dir.resolve("inventory"));
        Files.writeString(inventory.resolve(".inventory.yaml"), """
                format: ferry-inventory
                formatVersion: 1
                context: aks-prod
                server: https://shop.hcp.westeurope.azmk8s.io:443
                objects: 3
                """);
        Path manifests = Files.createDirectories(dir.resolve("manifests"));

        assertThat(ClusterOrigin.ofInventory(inventory))
                .contains(new ClusterOrigin("aks-prod", "https://shop.hcp.westeurope.azmk8s.io:443"));
        assertThat(ClusterOrigin.ofInventory(manifests)).isEmpty();
        assertThat(ClusterOrigin.ofInventory(dir.resolve("missing.yaml"))).isEmpty();

        Files.writeString(inventory.resolve(".inventory.yaml"), "format: [unclosed\n");
        assertThatThrownBy(() -> ClusterOrigin.ofInventory(inventory)).isInstanceOf(BundleException.class)
                .hasMessageContaining(".inventory.yaml").hasMessageContaining("ferry inventory");
    }
}
