package dev.ferry.engine.rule.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Finding;
import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class EbsClassToAzureDiskRuleTest {

    private final RuleHarness harness = RuleHarness.of(new EbsClassToAzureDiskRule());

    @Test
    void mapsGp3WithPerformanceToPremiumV2InPlace() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: storage.k8s.io/v1
                kind: StorageClass
                metadata: {name: fast}
                provisioner: ebs.csi.aws.com
                volumeBindingMode: WaitForFirstConsumer
                parameters: {type: gp3, iops: "6000", throughput: "250", csi.storage.k8s.io/fstype: xfs, encrypted: "true",
                             tagSpecification_1: team=shop, tagSpecification_2: "pvc={{ .PVCName }}", blockSize: "4096"}
                allowedTopologies:
                - matchLabelExpressions:
                  - {key: topology.ebs.csi.aws.com/zone, values: [eu-west-1a]}
                """, """
                apiVersion: storage.k8s.io/v1
                kind: StorageClass
                metadata: {name: fast}
                provisioner: disk.csi.azure.com
                volumeBindingMode: WaitForFirstConsumer
                parameters: {skuName: PremiumV2_LRS, DiskIOPSReadWrite: "6000", DiskMBpsReadWrite: "250", cachingMode: None,
                             csi.storage.k8s.io/fstype: xfs, tags: team=shop}
                allowedTopologies:
                - matchLabelExpressions:
                  - {key: topology.disk.csi.azure.com/zone, values: [eu-west-1a]}
                """);
        assertThat(StorageFindings.messages(proposal, "StorageClass", "fast", Severity.WARNING))
                .anyMatch(m -> m.contains("some regions")).anyMatch(m -> m.contains("PVCName"));
        assertThat(StorageFindings.messages(proposal, "StorageClass", "fast", Severity.INFO))
                .anyMatch(m -> m.contains("blocksize")).anyMatch(m -> m.contains("networking edge"));
    }

    @Test
    void mapsDefaultGp3ToBaselineAndGp2ToStandardSsdAndSt1ToHdd() {
        harness.rewriteRun("""
                apiVersion: storage.k8s.io/v1
                kind: StorageClass
                metadata: {name: ebs-sc}
                provisioner: ebs.csi.aws.com
                ---
                apiVersion: storage.k8s.io/v1
                kind: StorageClass
                metadata: {name: old}
                provisioner: kubernetes.io/aws-ebs
                parameters: {fsType: ext4}
                ---
                apiVersion: storage.k8s.io/v1
                kind: StorageClass
                metadata: {name: logs}
                provisioner: ebs.csi.aws.com
                parameters: {type: st1}
                """, """
                apiVersion: storage.k8s.io/v1
                kind: StorageClass
                metadata: {name: ebs-sc}
                provisioner: disk.csi.azure.com
                parameters: {skuName: PremiumV2_LRS, DiskIOPSReadWrite: "3000", DiskMBpsReadWrite: "125", cachingMode: None}
                ---
                apiVersion: storage.k8s.io/v1
                kind: StorageClass
                metadata: {name: old}
                provisioner: disk.csi.azure.com
                parameters: {skuName: StandardSSD_LRS, csi.storage.k8s.io/fstype: ext4}
                ---
                apiVersion: storage.k8s.io/v1
                kind: StorageClass
                metadata: {name: logs}
                provisioner: disk.csi.azure.com
                parameters: {skuName: Standard_LRS}
                """);
    }

    @Test
    void mapsIo2ToPremiumSsdWhenPremiumV2IsOff() {
        harness.settings(RuleHarness.EKS_TO_AKS_SETTINGS + "storage: {premiumV2: false}\n").rewriteRun("""
                apiVersion: storage.k8s.io/v1
                kind: StorageClass
                metadata: {name: db}
                provisioner: ebs.csi.aws.com
                parameters: {type: io2, iops: "8000"}
                """, """
                apiVersion: storage.k8s.io/v1
                kind: StorageClass
                metadata: {name: db}
                provisioner: disk.csi.azure.com
                parameters: {skuName: Premium_LRS}
                """);
    }

    @Test
    void asksForDiskEncryptionSetForKmsKey() {
        Proposal proposal = harness.run("""
                apiVersion: storage.k8s.io/v1
                kind: StorageClass
                metadata: {name: secure}
                provisioner: ebs.csi.aws.com
                parameters: {type: gp3, encrypted: "true", kmsKeyId: "arn:aws:kms:eu-west-1:111122223333:key/k"}
                """);
        Finding finding = StorageFindings.of(proposal, "StorageClass", "secure").stream()
                .filter(f -> f.severity() == Severity.ACTION_REQUIRED).findFirst().orElseThrow();
        assertThat(finding.settingKey()).isEqualTo("storage.diskEncryptionSetId");
        assertThat(finding.message()).contains("disk encryption set");
    }

    @Test
    void writesDiskEncryptionSetFromSetting() {
        harness.settings(RuleHarness.EKS_TO_AKS_SETTINGS
                + "storage: {premiumV2: false, diskEncryptionSetId: /subscriptions/s/resourceGroups/r/providers/Microsoft.Compute/diskEncryptionSets/des}\n")
                .rewriteRun("""
                apiVersion: storage.k8s.io/v1
                kind: StorageClass
                metadata: {name: secure}
                provisioner: ebs.csi.aws.com
                parameters: {type: gp3, kmsKeyId: "arn:aws:kms:eu-west-1:111122223333:key/k"}
                """, """
                apiVersion: storage.k8s.io/v1
                kind: StorageClass
                metadata: {name: secure}
                provisioner: disk.csi.azure.com
                parameters: {skuName: Premium_LRS, diskEncryptionSetID: /subscriptions/s/resourceGroups/r/providers/Microsoft.Compute/diskEncryptionSets/des}
                """);
    }

    @Test
    void renamedClassIsGeneratedWithAzureZonesOrLeftToBuiltIn() {
        harness.settings(RuleHarness.EKS_TO_AKS_SETTINGS + "storage: {classMap: {fast: fast-azure, gp2: managed-csi}}\n")
                .rewriteRun("""
                apiVersion: storage.k8s.io/v1
                kind: StorageClass
                metadata: {name: fast}
                provisioner: ebs.csi.aws.com
                parameters: {type: io1, iops: "100000"}
                allowedTopologies:
                - matchLabelExpressions:
                  - {key: topology.ebs.csi.aws.com/zone, values: [eu-west-1b]}
                ---
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata: {name: data}
                spec: {storageClassName: gp2, accessModes: [ReadWriteOnce], resources: {requests: {storage: 10Gi}}}
                """, """
                apiVersion: storage.k8s.io/v1
                kind: StorageClass
                metadata: {name: fast-azure}
                provisioner: disk.csi.azure.com
                parameters: {skuName: UltraSSD_LRS, DiskIOPSReadWrite: "100000", cachingMode: None}
                allowedTopologies:
                - matchLabelExpressions:
                  - {key: topology.disk.csi.azure.com/zone, values: [westeurope-2]}
                ---
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata: {name: data}
                spec: {storageClassName: gp2, accessModes: [ReadWriteOnce], resources: {requests: {storage: 10Gi}}}
                """);
    }

    @Test
    void generatesEksBuiltInGp2WhenClaimsNameIt() {
        harness.rewriteRun("""
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata: {name: data}
                spec: {storageClassName: gp2, resources: {requests: {storage: 10Gi}}}
                """, """
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata: {name: data}
                spec: {storageClassName: gp2, resources: {requests: {storage: 10Gi}}}
                ---
                apiVersion: storage.k8s.io/v1
                kind: StorageClass
                metadata: {name: gp2}
                provisioner: disk.csi.azure.com
                parameters: {skuName: StandardSSD_LRS, csi.storage.k8s.io/fstype: ext4}
                volumeBindingMode: WaitForFirstConsumer
                """);
    }

    @Test
    void leavesAzureAndOtherClassesAlone() {
        harness.rewriteRun("""
                apiVersion: storage.k8s.io/v1
                kind: StorageClass
                metadata: {name: managed-csi}
                provisioner: disk.csi.azure.com
                ---
                apiVersion: storage.k8s.io/v1
                kind: StorageClass
                metadata: {name: local}
                provisioner: kubernetes.io/no-provisioner
                """);
    }

    @Test
    void leavesAClassNamedLikeAnAksBuiltInToAks() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: storage.k8s.io/v1
                kind: StorageClass
                metadata: {name: managed-csi-premium}
                provisioner: ebs.csi.aws.com
                parameters: {type: gp3}
                volumeBindingMode: WaitForFirstConsumer
                ---
                apiVersion: storage.k8s.io/v1
                kind: StorageClass
                metadata: {name: fast}
                provisioner: ebs.csi.aws.com
                parameters: {type: io2, iops: "4000"}
                """, """
                apiVersion: storage.k8s.io/v1
                kind: StorageClass
                metadata: {name: fast}
                provisioner: disk.csi.azure.com
                parameters: {skuName: PremiumV2_LRS, DiskIOPSReadWrite: "4000", DiskMBpsReadWrite: "125", cachingMode: None}
                """);
        assertThat(RuleHarness.changeFor(proposal, "StorageClass", "managed-csi-premium").findings())
                .singleElement().satisfies(f -> assertThat(f.message()).contains("AKS built-in class")
                        .contains("storage.classMap"));
    }
}
