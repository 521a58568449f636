package dev.ferry.engine.rule.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Finding;
import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class AzureSnapshotClassRuleTest {

    private final RuleHarness harness = RuleHarness.of(new AzureSnapshotClassRule());

    @Test
    void pointsDiskSnapshotClassAtEbsAndDropsAzureParameters() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: snapshot.storage.k8s.io/v1
                kind: VolumeSnapshotClass
                metadata:
                  name: csi-azuredisk-vsc
                  annotations: {snapshot.storage.kubernetes.io/is-default-class: "true"}
                driver: disk.csi.azure.com
                deletionPolicy: Delete
                parameters: {incremental: "true", resourceGroup: snapshots}
                """, """
                apiVersion: snapshot.storage.k8s.io/v1
                kind: VolumeSnapshotClass
                metadata:
                  name: csi-azuredisk-vsc
                  annotations: {snapshot.storage.kubernetes.io/is-default-class: "true"}
                driver: ebs.csi.aws.com
                deletionPolicy: Delete
                """);
        assertThat(RuleHarness.changeFor(proposal, "VolumeSnapshotClass", "csi-azuredisk-vsc").findings())
                .extracting(Finding::message)
                .anyMatch(m -> m.contains("snapshot-controller"))
                .anyMatch(m -> m.contains("incremental, resourceGroup"));
    }

    @Test
    void dropsAzureFilesSnapshotClass() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: snapshot.storage.k8s.io/v1
                kind: VolumeSnapshotClass
                metadata: {name: csi-azurefile-vsc}
                driver: file.csi.azure.com
                deletionPolicy: Delete
                """, "");
        assertThat(RuleHarness.changeFor(proposal, "VolumeSnapshotClass", "csi-azurefile-vsc").findings())
                .singleElement().satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.ACTION_REQUIRED);
                    assertThat(f.message()).contains("AWS Backup");
                });
    }

    @Test
    void leavesEbsSnapshotClassAlone() {
        harness.rewriteRun("""
                apiVersion: snapshot.storage.k8s.io/v1
                kind: VolumeSnapshotClass
                metadata: {name: ebs}
                driver: ebs.csi.aws.com
                deletionPolicy: Delete
                """);
    }
}
