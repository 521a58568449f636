package dev.ferry.engine.rule.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class EksClaimStorageClassRuleTest {

    private static final String CLASSES = """
            apiVersion: storage.k8s.io/v1
            kind: StorageClass
            metadata:
              name: gp3
              annotations: {storageclass.kubernetes.io/is-default-class: "true"}
            provisioner: ebs.csi.aws.com
            ---
            apiVersion: storage.k8s.io/v1
            kind: StorageClass
            metadata: {name: efs-sc}
            provisioner: efs.csi.aws.com
            """;

    @Test
    void pointsClaimsAndTemplatesAtMappedClasses() {
        RuleHarness.of(new EksClaimStorageClassRule())
                .settings(RuleHarness.EKS_TO_AKS_SETTINGS
                        + "storage: {classMap: {gp3: managed-csi-premium, efs-sc: azurefile-csi-premium}}\n")
                .rewriteRun(CLASSES + """
                ---
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata: {name: shared, namespace: shop}
                spec: {storageClassName: efs-sc, accessModes: [ReadWriteMany], resources: {requests: {storage: 5Gi}}}
                ---
                apiVersion: apps/v1
                kind: StatefulSet
                metadata: {name: db, namespace: shop}
                spec:
                  volumeClaimTemplates:
                  - metadata: {name: data}
                    spec: {storageClassName: gp3, accessModes: [ReadWriteOnce], resources: {requests: {storage: 20Gi}}}
                """, CLASSES + """
                ---
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata: {name: shared, namespace: shop}
                spec: {storageClassName: azurefile-csi-premium, accessModes: [ReadWriteMany], resources: {requests: {storage: 5Gi}}}
                ---
                apiVersion: apps/v1
                kind: StatefulSet
                metadata: {name: db, namespace: shop}
                spec:
                  volumeClaimTemplates:
                  - metadata: {name: data}
                    spec: {storageClassName: managed-csi-premium, accessModes: [ReadWriteOnce], resources: {requests: {storage: 20Gi}}}
                """);
    }

    @Test
    void namesTheEksDefaultClassExplicitly() {
        Proposal proposal = RuleHarness.of(new EksClaimStorageClassRule()).rewriteRun(CLASSES + """
                ---
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata: {name: data}
                spec: {resources: {requests: {storage: 5Gi}}}
                """, CLASSES + """
                ---
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata: {name: data}
                spec: {storageClassName: gp3, resources: {requests: {storage: 5Gi}}}
                """);
        assertThat(StorageFindings.messages(proposal, "PersistentVolumeClaim", "data", Severity.INFO))
                .singleElement().asString().contains("`default`");
    }

    @Test
    void keepsClaimsOnKeptNamesAndWarnsOnSharedEbs() {
        Proposal proposal = RuleHarness.of(new EksClaimStorageClassRule()).rewriteRun(CLASSES + """
                ---
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata: {name: raw}
                spec: {storageClassName: gp3, accessModes: [ReadWriteMany], volumeMode: Block}
                """);
        assertThat(StorageFindings.messages(proposal, "PersistentVolumeClaim", "raw", Severity.WARNING))
                .singleElement().asString().contains("maxShares");
    }
}
