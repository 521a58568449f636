package dev.ferry.engine.rule.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Artifact;
import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import dev.ferry.model.io.Yaml;
import org.junit.jupiter.api.Test;

class EksVolumeDataCopyRuleTest {

    private static final String ESTATE = """
            apiVersion: storage.k8s.io/v1
            kind: StorageClass
            metadata: {name: gp3}
            provisioner: ebs.csi.aws.com
            ---
            apiVersion: storage.k8s.io/v1
            kind: StorageClass
            metadata: {name: efs-sc}
            provisioner: efs.csi.aws.com
            ---
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata: {name: data, namespace: shop}
            spec: {storageClassName: gp3, volumeName: pvc-123, resources: {requests: {storage: 5Gi}}}
            ---
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata: {name: fresh, namespace: shop}
            spec: {storageClassName: efs-sc, resources: {requests: {storage: 5Gi}}}
            """;

    @Test
    void flagsBoundClaimsAndWritesVeleroMapping() {
        Proposal proposal = RuleHarness.of(new EksVolumeDataCopyRule())
                .settings(RuleHarness.EKS_TO_AKS_SETTINGS + "storage: {classMap: {gp3: managed-csi-premium}}\n")
                .run(ESTATE);
        assertThat(StorageFindings.messages(proposal, "PersistentVolumeClaim", "data", Severity.ACTION_REQUIRED))
                .singleElement().asString().contains("Velero").contains("EBS volume");
        assertThat(proposal.changes()).noneMatch(c -> c.resource().name().equals("fresh"));
        Artifact artifact = proposal.artifacts().stream().filter(a -> a.path().equals(EksVolumeDataCopyRule.ARTIFACT))
                .findFirst().orElseThrow();
        var configMap = Yaml.parse(artifact.content());
        assertThat(configMap.at("/metadata/namespace").asText()).isEqualTo("velero");
        assertThat(configMap.at("/metadata/labels").get("velero.io/change-storage-class").asText())
                .isEqualTo("RestoreItemAction");
        assertThat(configMap.at("/data/gp3").asText()).isEqualTo("managed-csi-premium");
        assertThat(configMap.at("/data/efs-sc").asText()).isEqualTo("efs-sc");
        assertThat(artifact.content()).contains("PersistentVolumeClaim shop/data");
    }

    @Test
    void changesNoObject() {
        RuleHarness.of(new EksVolumeDataCopyRule()).rewriteRun(ESTATE);
    }
}
