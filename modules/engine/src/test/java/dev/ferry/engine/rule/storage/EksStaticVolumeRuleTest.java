package dev.ferry.engine.rule.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class EksStaticVolumeRuleTest {

    @Test
    void dropsEbsAndEfsVolumesNamingTheirHandles() {
        Proposal proposal = RuleHarness.of(new EksStaticVolumeRule()).rewriteRun("""
                apiVersion: v1
                kind: PersistentVolume
                metadata: {name: ebs-pv}
                spec:
                  capacity: {storage: 5Gi}
                  csi: {driver: ebs.csi.aws.com, volumeHandle: vol-0123}
                  claimRef: {namespace: shop, name: data}
                ---
                apiVersion: v1
                kind: PersistentVolume
                metadata: {name: efs-pv}
                spec:
                  csi: {driver: efs.csi.aws.com, volumeHandle: "fs-1234::fsap-1"}
                ---
                apiVersion: v1
                kind: PersistentVolume
                metadata: {name: legacy}
                spec: {awsElasticBlockStore: {volumeID: vol-0456}}
                ---
                apiVersion: snapshot.storage.k8s.io/v1
                kind: VolumeSnapshotContent
                metadata: {name: imported}
                spec:
                  driver: ebs.csi.aws.com
                  deletionPolicy: Delete
                  source: {snapshotHandle: snap-0abc}
                  volumeSnapshotRef: {name: imported, namespace: shop}
                ---
                apiVersion: v1
                kind: PersistentVolume
                metadata: {name: nfs}
                spec: {nfs: {server: 10.0.0.1, path: /}}
                """, """
                apiVersion: v1
                kind: PersistentVolume
                metadata: {name: nfs}
                spec: {nfs: {server: 10.0.0.1, path: /}}
                """);
        assertThat(StorageFindings.messages(proposal, "PersistentVolume", "ebs-pv", Severity.ACTION_REQUIRED))
                .singleElement().asString().contains("vol-0123").contains("shop/data");
        assertThat(StorageFindings.messages(proposal, "PersistentVolume", "efs-pv", Severity.ACTION_REQUIRED))
                .singleElement().asString().contains("file share");
        assertThat(StorageFindings.messages(proposal, "VolumeSnapshotContent", "imported", Severity.ACTION_REQUIRED))
                .singleElement().asString().contains("snap-0abc");
        assertThat(StorageFindings.messages(proposal, "PersistentVolume", "legacy", Severity.ACTION_REQUIRED))
                .singleElement().asString().contains("vol-0456");
    }
}
