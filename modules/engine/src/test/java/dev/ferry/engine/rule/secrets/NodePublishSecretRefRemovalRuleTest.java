package dev.ferry.engine.rule.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class NodePublishSecretRefRemovalRuleTest {

    private final RuleHarness harness = RuleHarness.of(new NodePublishSecretRefRemovalRule());

    @Test
    void removesNodePublishSecretRefAndReplacesVolumes() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: batch/v1
                kind: CronJob
                metadata: {name: report, namespace: shop}
                spec:
                  schedule: "0 * * * *"
                  jobTemplate:
                    spec:
                      template:
                        spec:
                          containers: [{name: report, image: busybox}]
                          volumes:
                            - name: cache
                              emptyDir: {}
                            - name: kv
                              csi:
                                driver: secrets-store.csi.k8s.io
                                readOnly: true
                                volumeAttributes: {secretProviderClass: shop-kv}
                                nodePublishSecretRef: {name: secrets-store-creds}
                """, """
                apiVersion: batch/v1
                kind: CronJob
                metadata: {name: report, namespace: shop}
                spec:
                  schedule: "0 * * * *"
                  jobTemplate:
                    spec:
                      template:
                        spec:
                          containers: [{name: report, image: busybox}]
                          volumes:
                            - name: cache
                              emptyDir: {}
                            - name: kv
                              csi:
                                driver: secrets-store.csi.k8s.io
                                readOnly: true
                                volumeAttributes: {secretProviderClass: shop-kv}
                """);
        assertThat(RuleHarness.changeFor(proposal, "CronJob", "report").findings()).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ACTION_REQUIRED);
            assertThat(f.message()).contains("`secrets-store-creds`", "ServiceAccount `default`", "IRSA");
        });
        assertThat(RuleHarness.changeFor(proposal, "CronJob", "report").patch())
                .singleElement().satisfies(op -> assertThat(op.path())
                        .isEqualTo("/spec/jobTemplate/spec/template/spec/volumes"));
    }

    @Test
    void keepsRefWhenTheClassIsAlreadyAws() {
        harness.rewriteRun("""
                apiVersion: secrets-store.csi.x-k8s.io/v1
                kind: SecretProviderClass
                metadata: {name: aws-class, namespace: shop}
                spec: {provider: aws, parameters: {objects: "- objectName: fake"}}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: p, namespace: shop}
                spec:
                  containers: [{name: c, image: busybox}]
                  volumes:
                    - name: kv
                      csi:
                        driver: secrets-store.csi.k8s.io
                        volumeAttributes: {secretProviderClass: aws-class}
                        nodePublishSecretRef: {name: other-creds}
                """);
    }

    @Test
    void leavesOtherCsiDriversAlone() {
        harness.rewriteRun("""
                apiVersion: v1
                kind: Pod
                metadata: {name: p, namespace: shop}
                spec:
                  containers: [{name: c, image: busybox}]
                  volumes:
                    - name: share
                      csi:
                        driver: file.csi.azure.com
                        volumeAttributes: {shareName: fake}
                        nodePublishSecretRef: {name: azure-storage-creds}
                """);
    }
}
