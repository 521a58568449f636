package dev.ferry.engine.rule.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Change;
import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class ClaimStorageClassRuleTest {

    private static final String MAPPED = RuleHarness.DEFAULT_SETTINGS
            + "storage: {classMap: {managed-csi-premium: gp3-premium, managed-csi: gp3}}\n";

    private final RuleHarness harness = RuleHarness.of(new ClaimStorageClassRule());

    @Test
    void namesTheDefaultClassExplicitlyForClaimWithoutClass() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata: {name: data, namespace: shop}
                spec:
                  accessModes: [ReadWriteOnce]
                  resources: {requests: {storage: 10Gi}}
                """, """
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata: {name: data, namespace: shop}
                spec:
                  storageClassName: default
                  accessModes: [ReadWriteOnce]
                  resources: {requests: {storage: 10Gi}}
                """);
        assertThat(RuleHarness.changeFor(proposal, "PersistentVolumeClaim", "data").summary())
                .isEqualTo("Points PersistentVolumeClaim shop/data at StorageClass `default`");
    }

    @Test
    void usesTheEstatesOwnDefaultClassAndItsMappedName() {
        String sc = """
                apiVersion: storage.k8s.io/v1
                kind: StorageClass
                metadata:
                  name: managed-csi
                  annotations: {storageclass.kubernetes.io/is-default-class: "true"}
                provisioner: disk.csi.azure.com
                ---
                """;
        RuleHarness.of(new ClaimStorageClassRule()).settings(MAPPED).rewriteRun(sc + """
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata: {name: data, namespace: shop}
                spec:
                  accessModes: [ReadWriteOnce]
                """, sc + """
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata: {name: data, namespace: shop}
                spec:
                  storageClassName: gp3
                  accessModes: [ReadWriteOnce]
                """);
    }

    @Test
    void rewritesMappedClassInClaimsTemplatesAndEphemeralVolumes() {
        RuleHarness.of(new ClaimStorageClassRule()).settings(MAPPED).rewriteRun("""
                apiVersion: apps/v1
                kind: StatefulSet
                metadata: {name: db, namespace: shop}
                spec:
                  selector: {matchLabels: {app: db}}
                  template:
                    metadata: {labels: {app: db}}
                    spec:
                      containers: [{name: db, image: postgres:16}]
                      volumes:
                        - name: scratch
                          ephemeral:
                            volumeClaimTemplate:
                              spec: {storageClassName: managed-csi, accessModes: [ReadWriteOnce]}
                  volumeClaimTemplates:
                    - metadata: {name: data}
                      spec: {storageClassName: managed-csi-premium, accessModes: [ReadWriteOnce]}
                    - metadata:
                        name: logs
                        annotations: {volume.beta.kubernetes.io/storage-class: managed-csi}
                      spec: {accessModes: [ReadWriteOnce]}
                """, """
                apiVersion: apps/v1
                kind: StatefulSet
                metadata: {name: db, namespace: shop}
                spec:
                  selector: {matchLabels: {app: db}}
                  template:
                    metadata: {labels: {app: db}}
                    spec:
                      containers: [{name: db, image: postgres:16}]
                      volumes:
                        - name: scratch
                          ephemeral:
                            volumeClaimTemplate:
                              spec: {storageClassName: gp3, accessModes: [ReadWriteOnce]}
                  volumeClaimTemplates:
                    - metadata: {name: data}
                      spec: {storageClassName: gp3-premium, accessModes: [ReadWriteOnce]}
                    - metadata:
                        name: logs
                        annotations: {volume.beta.kubernetes.io/storage-class: gp3}
                      spec: {accessModes: [ReadWriteOnce]}
                """);
    }

    @Test
    void leavesSharedClaimOnAzureDiskUnchangedWithActionRequired() {
        Proposal proposal = RuleHarness.of(new ClaimStorageClassRule()).settings(MAPPED).rewriteRun("""
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata: {name: shared, namespace: shop}
                spec:
                  storageClassName: managed-csi
                  accessModes: [ReadWriteMany]
                  volumeMode: Block
                """);
        Change change = RuleHarness.changeFor(proposal, "PersistentVolumeClaim", "shared");
        assertThat(change.findings()).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ACTION_REQUIRED);
            assertThat(f.message()).contains("ReadWriteMany", "EFS", "io2 multi-attach");
        });
    }

    @Test
    void keepsSharedClaimOnAzureFilesWhichBecomesEfs() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata: {name: uploads, namespace: shop}
                spec:
                  storageClassName: azurefile-csi
                  accessModes: [ReadWriteMany]
                """);
        assertThat(proposal.changes()).isEmpty();
    }

    @Test
    void flagsClaimsOnAzureBlob() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata: {name: blobs, namespace: shop}
                spec:
                  storageClassName: azureblob-fuse-premium
                  accessModes: [ReadWriteMany]
                """);
        assertThat(RuleHarness.changeFor(proposal, "PersistentVolumeClaim", "blobs").findings())
                .singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ACTION_REQUIRED));
    }

    @Test
    void warnsAboutClassesNobodyDefines() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata: {name: data, namespace: shop}
                spec:
                  storageClassName: super-fast
                  accessModes: [ReadWriteOnce]
                """);
        assertThat(RuleHarness.changeFor(proposal, "PersistentVolumeClaim", "data").findings())
                .singleElement().satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.WARNING);
                    assertThat(f.message()).contains("super-fast", "storage.classMap");
                });
    }

    @Test
    void leavesStaticallyBoundClaimsAlone() {
        harness.rewriteRun("""
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata: {name: data, namespace: shop}
                spec:
                  storageClassName: ""
                  accessModes: [ReadWriteOnce]
                """);
    }

    @Test
    void warnsWhenClaimIsRestoredFromAnAzureSnapshotOrAsksReadWriteOncePod() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata: {name: restored, namespace: shop}
                spec:
                  storageClassName: managed-csi
                  accessModes: [ReadWriteOncePod]
                  dataSource: {apiGroup: snapshot.storage.k8s.io, kind: VolumeSnapshot, name: nightly}
                """);
        assertThat(RuleHarness.changeFor(proposal, "PersistentVolumeClaim", "restored").findings())
                .anyMatch(f -> f.severity() == Severity.WARNING && f.message().contains("`nightly`"))
                .anyMatch(f -> f.severity() == Severity.WARNING && f.message().contains("ReadWriteOncePod"));
    }
}
