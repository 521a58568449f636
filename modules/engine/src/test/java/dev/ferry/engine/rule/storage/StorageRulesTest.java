package dev.ferry.engine.rule.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Change;
import dev.ferry.engine.ChangeType;
import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.Severity;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.run.RuleRunner;
import dev.ferry.engine.settings.MigrationSettings;
import dev.ferry.engine.testing.RuleHarness;
import dev.ferry.model.KubeObject;
import dev.ferry.model.io.Yaml;
import dev.ferry.model.sanitize.Sanitizer;
import java.util.List;
import org.junit.jupiter.api.Test;

class StorageRulesTest {

    private static final String SETTINGS = RuleHarness.DEFAULT_SETTINGS
            + "storage: {efsFileSystemId: fs-0123456789abcdef0, classMap: {managed-csi-premium: gp3-premium}}\n";

    private static final String ESTATE = """
            apiVersion: storage.k8s.io/v1
            kind: StorageClass
            metadata: {name: managed-csi-premium}
            provisioner: disk.csi.azure.com
            parameters: {skuname: Premium_LRS}
            reclaimPolicy: Delete
            volumeBindingMode: WaitForFirstConsumer
            allowVolumeExpansion: true
            ---
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: mysql, namespace: shop}
            spec:
              selector: {matchLabels: {app: mysql}}
              template:
                metadata: {labels: {app: mysql}}
                spec:
                  containers: [{name: mysql, image: "mysql:8.4"}]
              volumeClaimTemplates:
                - metadata: {name: data}
                  spec:
                    storageClassName: managed-csi-premium
                    accessModes: [ReadWriteOnce]
                    resources: {requests: {storage: 2Ti}}
            ---
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata: {name: uploads, namespace: shop}
            spec:
              storageClassName: azurefile-csi
              accessModes: [ReadWriteMany]
              resources: {requests: {storage: 100Gi}}
              volumeName: pvc-1
            ---
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata: {name: cache, namespace: shop}
            spec:
              accessModes: [ReadWriteOnce]
              resources: {requests: {storage: 10Gi}}
            """;

    @Test
    void catalogueRunsClassesBeforeClaimsAndBelongsToTheStorageEdge() {
        List<Rule> rules = StorageRules.aksToEks();
        assertThat(rules).extracting(r -> r.info().id()).containsExactly(
                "azure-disk-class-to-ebs", "azure-file-class-to-efs", "azure-blob-class-to-review",
                "claim-to-target-storage-class", "bound-volume-data-copy", "azure-static-volume-to-review",
                "azure-inline-volume-to-review", "azure-snapshot-class-to-ebs", "azure-attributes-class-to-ebs",
                "azure-csi-driver-object-drop");
        assertThat(rules).allSatisfy(r -> {
            assertThat(r.info().edge()).isEqualTo(Edge.STORAGE);
            assertThat(r.info().direction()).isEqualTo(Direction.AKS_TO_EKS);
        });
    }

    @Test
    void translatesAWholeEstateWithoutConflicts() {
        Proposal proposal = new RuleRunner(StorageRules.aksToEks()).run(
                new Sanitizer().sanitize(RuleHarness.parse(ESTATE)), MigrationSettings.of(Yaml.parse(SETTINGS)));
        assertThat(proposal.conflicts()).isEmpty();
        assertThat(proposal.problems()).isEmpty();

        assertThat(find(proposal, "StorageClass", "gp3-premium").at("/parameters").toString())
                .isEqualTo("{\"type\":\"gp3\",\"iops\":\"7500\",\"throughput\":\"250\",\"encrypted\":\"true\"}");
        assertThat(find(proposal, "StorageClass", "azurefile-csi").at("/provisioner").asText())
                .isEqualTo("efs.csi.aws.com");
        assertThat(find(proposal, "StorageClass", "default").at("/provisioner").asText())
                .isEqualTo("ebs.csi.aws.com");
        assertThat(proposal.proposed()).noneMatch(o -> o.name().equals("managed-csi-premium"));

        assertThat(find(proposal, "StatefulSet", "mysql").at("/spec/volumeClaimTemplates/0/spec/storageClassName")
                .asText()).isEqualTo("gp3-premium");
        assertThat(find(proposal, "PersistentVolumeClaim", "cache").at("/spec/storageClassName").asText())
                .isEqualTo("default");
        assertThat(find(proposal, "PersistentVolumeClaim", "uploads").at("/spec/storageClassName").asText())
                .isEqualTo("azurefile-csi");

        assertThat(proposal.changes()).filteredOn(c -> c.rule().equals("bound-volume-data-copy"))
                .extracting(c -> c.resource().name()).containsExactlyInAnyOrder("mysql", "uploads");
        Change mysql = proposal.changes().stream()
                .filter(c -> c.rule().equals("bound-volume-data-copy") && c.resource().name().equals("mysql"))
                .findFirst().orElseThrow();
        assertThat(mysql.findings()).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ACTION_REQUIRED);
            assertThat(f.message()).contains("mysqldump");
        });
        assertThat(proposal.changes()).filteredOn(c -> c.type() == ChangeType.DROP)
                .extracting(c -> c.resource().name()).containsExactly("managed-csi-premium");
    }

    private static KubeObject find(Proposal proposal, String kind, String name) {
        return proposal.proposed().stream().filter(o -> o.kind().equals(kind) && o.name().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + "/" + name));
    }
}
