package dev.ferry.engine.rule.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class EfsClassToAzureFileRuleTest {

    @Test
    void mapsEfsAccessPointClassToAzureFilesNfsPremium() {
        Proposal proposal = RuleHarness.of(new EfsClassToAzureFileRule()).rewriteRun("""
                apiVersion: storage.k8s.io/v1
                kind: StorageClass
                metadata: {name: efs-sc}
                provisioner: efs.csi.aws.com
                mountOptions: [tls, iam, nfsvers=4.1]
                parameters: {provisioningMode: efs-ap, fileSystemId: fs-1234, directoryPerms: "700", uid: "1000", gid: "1000",
                             basePath: /dynamic}
                """, """
                apiVersion: storage.k8s.io/v1
                kind: StorageClass
                metadata: {name: efs-sc}
                provisioner: file.csi.azure.com
                mountOptions: [nfsvers=4.1]
                parameters: {protocol: nfs, skuName: Premium_LRS, mountPermissions: "0700"}
                """);
        assertThat(StorageFindings.messages(proposal, "StorageClass", "efs-sc", Severity.ACTION_REQUIRED))
                .singleElement().asString().contains("fsGroup");
        assertThat(StorageFindings.messages(proposal, "StorageClass", "efs-sc", Severity.INFO))
                .anyMatch(m -> m.contains("fs-1234")).anyMatch(m -> m.contains("provisioningMode"));
        assertThat(StorageFindings.messages(proposal, "StorageClass", "efs-sc", Severity.WARNING))
                .anyMatch(m -> m.contains("100 GiB"));
    }

    @Test
    void mapsToBuiltInAzureFilesPremiumByClassMap() {
        Proposal proposal = RuleHarness.of(new EfsClassToAzureFileRule())
                .settings(RuleHarness.EKS_TO_AKS_SETTINGS + "storage: {classMap: {efs-sc: azurefile-csi-premium}}\n")
                .rewriteRun("""
                apiVersion: storage.k8s.io/v1
                kind: StorageClass
                metadata: {name: efs-sc}
                provisioner: efs.csi.aws.com
                parameters: {provisioningMode: efs-ap, fileSystemId: fs-1234, directoryPerms: "700"}
                """, "");
        assertThat(StorageFindings.messages(proposal, "StorageClass", "efs-sc", Severity.INFO))
                .anyMatch(m -> m.contains("AKS built-in"));
    }
}
