package dev.ferry.engine.rule.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Change;
import dev.ferry.engine.ChangeType;
import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class AzureStaticVolumeRuleTest {

    private final RuleHarness harness = RuleHarness.of(new AzureStaticVolumeRule());

    private static final String CLAIM = """
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata: {name: pvc-azuredisk, namespace: shop}
            spec:
              storageClassName: managed-csi
              accessModes: [ReadWriteOnce]
            """;

    @Test
    void dropsStaticAzureDiskVolumeAndFlagsItsClaim() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: v1
                kind: PersistentVolume
                metadata: {name: pv-azuredisk}
                spec:
                  capacity: {storage: 10Gi}
                  accessModes: [ReadWriteOnce]
                  storageClassName: managed-csi
                  claimRef: {namespace: shop, name: pvc-azuredisk}
                  csi:
                    driver: disk.csi.azure.com
                    volumeHandle: /subscriptions/sub/resourcegroups/rg/providers/microsoft.compute/disks/orders-disk
                  nodeAffinity:
                    required:
                      nodeSelectorTerms:
                        - matchExpressions:
                            - {key: topology.disk.csi.azure.com/zone, operator: In, values: [westeurope-1]}
                ---
                """ + CLAIM, CLAIM);
        Change drop = RuleHarness.changeFor(proposal, "PersistentVolume", "pv-azuredisk");
        assertThat(drop.type()).isEqualTo(ChangeType.DROP);
        assertThat(drop.findings()).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ACTION_REQUIRED);
            assertThat(f.message()).contains("`orders-disk`", "shop/pvc-azuredisk", "ebs.csi.aws.com")
                    .doesNotContain("/subscriptions/");
        });
        assertThat(RuleHarness.changeFor(proposal, "PersistentVolumeClaim", "pvc-azuredisk").findings())
                .singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ACTION_REQUIRED));
    }

    @Test
    void dropsInTreeAzureFileVolume() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: v1
                kind: PersistentVolume
                metadata: {name: legacy-share}
                spec:
                  capacity: {storage: 5Gi}
                  accessModes: [ReadWriteMany]
                  azureFile: {secretName: azure-secret, shareName: assets, readOnly: false}
                """, "");
        assertThat(RuleHarness.changeFor(proposal, "PersistentVolume", "legacy-share").findings().get(0).message())
                .contains("Azure Files `assets`", "efs.csi.aws.com");
    }

    @Test
    void flagsClaimThatNamedTheVolumeByVolumeName() {
        Proposal proposal = harness.run(CLAIM.replace("storageClassName: managed-csi", "volumeName: pv-share") + """
                ---
                apiVersion: v1
                kind: PersistentVolume
                metadata: {name: pv-share}
                spec:
                  accessModes: [ReadWriteMany]
                  csi:
                    driver: file.csi.azure.com
                    volumeHandle: "rg#account#share"
                    volumeAttributes: {shareName: share}
                """);
        assertThat(RuleHarness.changeFor(proposal, "PersistentVolumeClaim", "pvc-azuredisk").findings())
                .singleElement().satisfies(f -> assertThat(f.message()).contains("`pv-share`"));
    }

    @Test
    void leavesOtherVolumesAlone() {
        harness.rewriteRun("""
                apiVersion: v1
                kind: PersistentVolume
                metadata: {name: nfs}
                spec:
                  capacity: {storage: 5Gi}
                  accessModes: [ReadWriteMany]
                  nfs: {server: 10.0.0.4, path: /exports}
                """);
    }
}
