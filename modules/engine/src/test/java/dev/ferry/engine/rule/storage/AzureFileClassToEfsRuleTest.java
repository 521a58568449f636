package dev.ferry.engine.rule.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Change;
import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class AzureFileClassToEfsRuleTest {

    private static final String SETTINGS = RuleHarness.DEFAULT_SETTINGS
            + "storage: {efsFileSystemId: fs-0123456789abcdef0}\n";

    private final RuleHarness harness = RuleHarness.of(new AzureFileClassToEfsRule()).settings(SETTINGS);

    @Test
    void mapsSmbClassToEfsAccessPointsAndKeepsOnlyNfsMountOptions() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: storage.k8s.io/v1
                kind: StorageClass
                metadata: {name: shared-files}
                provisioner: file.csi.azure.com
                allowVolumeExpansion: true
                parameters: {skuName: Premium_LRS}
                reclaimPolicy: Delete
                volumeBindingMode: Immediate
                mountOptions: [dir_mode=0777, file_mode=0777, uid=1000, gid=2000, mfsymlinks, cache=strict,
                               nosharesock, actimeo=30, nobrl]
                """, """
                apiVersion: storage.k8s.io/v1
                kind: StorageClass
                metadata: {name: shared-files}
                provisioner: efs.csi.aws.com
                allowVolumeExpansion: true
                parameters:
                  provisioningMode: efs-ap
                  fileSystemId: fs-0123456789abcdef0
                  directoryPerms: "700"
                  uid: "1000"
                  gid: "2000"
                reclaimPolicy: Delete
                volumeBindingMode: Immediate
                mountOptions: [actimeo=30]
                """);
        Change change = RuleHarness.changeFor(proposal, "StorageClass", "shared-files");
        assertThat(change.findings())
                .anyMatch(f -> f.severity() == Severity.WARNING && f.message().contains("mfsymlinks")
                        && f.message().contains("cache=strict") && !f.message().contains("actimeo"))
                .anyMatch(f -> f.severity() == Severity.WARNING && f.message().contains("Windows"));
    }

    @Test
    void mapsNfsClassAndKeepsNfsMountOptions() {
        harness.rewriteRun("""
                apiVersion: storage.k8s.io/v1
                kind: StorageClass
                metadata: {name: azurefile-csi-nfs}
                provisioner: file.csi.azure.com
                parameters: {protocol: nfs, skuName: Premium_LRS}
                reclaimPolicy: Delete
                volumeBindingMode: Immediate
                allowVolumeExpansion: true
                mountOptions: [nconnect=4, noresvport, actimeo=30]
                """, """
                apiVersion: storage.k8s.io/v1
                kind: StorageClass
                metadata: {name: azurefile-csi-nfs}
                provisioner: efs.csi.aws.com
                parameters: {provisioningMode: efs-ap, fileSystemId: fs-0123456789abcdef0, directoryPerms: "700"}
                reclaimPolicy: Delete
                volumeBindingMode: Immediate
                allowVolumeExpansion: true
                mountOptions: [nconnect=4, noresvport, actimeo=30]
                """);
    }

    @Test
    void generatesEfsClassForBuiltInAzureFileClassNamedByAClaim() {
        String pvc = """
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata: {name: uploads, namespace: shop}
                spec:
                  storageClassName: azurefile-csi-premium
                  accessModes: [ReadWriteMany]
                  resources: {requests: {storage: 100Gi}}
                """;
        harness.rewriteRun(pvc, pvc + """
                ---
                apiVersion: storage.k8s.io/v1
                kind: StorageClass
                metadata: {name: azurefile-csi-premium}
                provisioner: efs.csi.aws.com
                parameters: {provisioningMode: efs-ap, fileSystemId: fs-0123456789abcdef0, directoryPerms: "700"}
                reclaimPolicy: Delete
                allowVolumeExpansion: true
                volumeBindingMode: Immediate
                """);
    }

    @Test
    void asksForTheFileSystemIdWhenTheSettingIsMissing() {
        Proposal proposal = RuleHarness.of(new AzureFileClassToEfsRule()).rewriteRun("""
                apiVersion: storage.k8s.io/v1
                kind: StorageClass
                metadata: {name: files}
                provisioner: kubernetes.io/azure-file
                parameters: {skuName: Standard_LRS}
                """, """
                apiVersion: storage.k8s.io/v1
                kind: StorageClass
                metadata: {name: files}
                provisioner: efs.csi.aws.com
                parameters: {provisioningMode: efs-ap, directoryPerms: "700"}
                """);
        assertThat(RuleHarness.changeFor(proposal, "StorageClass", "files").findings())
                .anyMatch(f -> f.severity() == Severity.ACTION_REQUIRED
                        && f.settingKey().equals("storage.efsFileSystemId"));
    }

    @Test
    void dropsStorageAccountSecretsAndWarnsAboutAnExistingShare() {
        Proposal proposal = harness.run("""
                apiVersion: storage.k8s.io/v1
                kind: StorageClass
                metadata: {name: existing}
                provisioner: file.csi.azure.com
                parameters:
                  storageAccount: shopfiles
                  shareName: assets
                  csi.storage.k8s.io/node-stage-secret-name: azure-secret
                  csi.storage.k8s.io/node-stage-secret-namespace: default
                """);
        assertThat(proposal.proposed().get(0).at("/parameters").size()).isEqualTo(3);
        assertThat(RuleHarness.changeFor(proposal, "StorageClass", "existing").findings())
                .anyMatch(f -> f.message().contains("share `assets`"))
                .anyMatch(f -> f.message().contains("node-stage-secret-name"));
    }

    @Test
    void removesMountOptionsWhenNoneMeanAnythingOnNfs() {
        Proposal proposal = harness.run("""
                apiVersion: storage.k8s.io/v1
                kind: StorageClass
                metadata: {name: smb}
                provisioner: file.csi.azure.com
                mountOptions: [mfsymlinks, nobrl]
                """);
        assertThat(proposal.proposed().get(0).body().has("mountOptions")).isFalse();
    }
}
