package dev.ferry.engine.rule.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class EbsSnapshotClassToAzureRuleTest {

    @Test
    void movesEbsSnapshotClassToAzureDisk() {
        Proposal proposal = RuleHarness.of(new EbsSnapshotClassToAzureRule()).rewriteRun("""
                apiVersion: snapshot.storage.k8s.io/v1
                kind: VolumeSnapshotClass
                metadata: {name: csi-aws-vsc}
                driver: ebs.csi.aws.com
                deletionPolicy: Delete
                parameters: {tagSpecification_1: team=shop}
                ---
                apiVersion: snapshot.storage.k8s.io/v1
                kind: VolumeSnapshotClass
                metadata: {name: azure}
                driver: disk.csi.azure.com
                deletionPolicy: Delete
                """, """
                apiVersion: snapshot.storage.k8s.io/v1
                kind: VolumeSnapshotClass
                metadata: {name: csi-aws-vsc}
                driver: disk.csi.azure.com
                deletionPolicy: Delete
                ---
                apiVersion: snapshot.storage.k8s.io/v1
                kind: VolumeSnapshotClass
                metadata: {name: azure}
                driver: disk.csi.azure.com
                deletionPolicy: Delete
                """);
        assertThat(StorageFindings.messages(proposal, "VolumeSnapshotClass", "csi-aws-vsc", Severity.WARNING))
                .singleElement().asString().contains("cannot be restored");
    }
}
