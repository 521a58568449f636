package dev.ferry.engine.rule.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Change;
import dev.ferry.engine.Finding;
import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class KeyVaultProviderToAwsRuleTest {

    private static final String WORKLOAD_IDENTITY_CLASS = """
            apiVersion: secrets-store.csi.x-k8s.io/v1
            kind: SecretProviderClass
            metadata: {name: shop-kv, namespace: shop}
            spec:
              provider: azure
              parameters:
                usePodIdentity: "false"
                clientID: 00000000-0000-0000-0000-00000000fake
                keyvaultName: fake-vault
                tenantId: fake-tenant
                cloudName: ""
                objects: |
                  array:
                    - |
                      objectName: db-password
                      objectType: secret
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: shop}
            spec:
              template:
                spec:
                  serviceAccountName: web-sa
                  containers: [{name: web, image: nginx}]
                  volumes:
                    - name: kv
                      csi:
                        driver: secrets-store.csi.k8s.io
                        readOnly: true
                        volumeAttributes: {secretProviderClass: shop-kv}
            """;

    private static final String WORKLOAD_IDENTITY_AFTER = """
            apiVersion: secrets-store.csi.x-k8s.io/v1
            kind: SecretProviderClass
            metadata: {name: shop-kv, namespace: shop}
            spec:
              provider: aws
              parameters:
                region: eu-west-1
                objects: |
                  array:
                    - |
                      objectName: db-password
                      objectType: secret
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: shop}
            spec:
              template:
                spec:
                  serviceAccountName: web-sa
                  containers: [{name: web, image: nginx}]
                  volumes:
                    - name: kv
                      csi:
                        driver: secrets-store.csi.k8s.io
                        readOnly: true
                        volumeAttributes: {secretProviderClass: shop-kv}
            """;

    @Test
    void switchesWorkloadIdentityClassToAwsWithRegion() {
        Proposal proposal = RuleHarness.of(new KeyVaultProviderToAwsRule())
                .rewriteRun(WORKLOAD_IDENTITY_CLASS, WORKLOAD_IDENTITY_AFTER);
        Change change = RuleHarness.changeFor(proposal, "SecretProviderClass", "shop-kv");
        assertThat(change.findings()).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.message()).contains("workload identity", "IRSA",
                    "Deployment/web (ServiceAccount `web-sa`)", "secretsmanager:GetSecretValue");
        });
        assertThat(change.rationale()).contains("EDGES.md §6.4");
    }

    @Test
    void setsUsePodIdentityInPodIdentityMode() {
        RuleHarness.of(new KeyVaultProviderToAwsRule())
                .settings(RuleHarness.DEFAULT_SETTINGS.replace("mode: irsa", "mode: pod-identity"))
                .rewriteRun(WORKLOAD_IDENTITY_CLASS, WORKLOAD_IDENTITY_AFTER.replace("region: eu-west-1",
                        "region: eu-west-1\n    usePodIdentity: \"true\""));
    }

    @Test
    void missingRegionIsAMissingSetting() {
        Proposal proposal = RuleHarness.of(new KeyVaultProviderToAwsRule())
                .settings("direction: aks-to-eks\naws: {accountId: \"111122223333\"}\n")
                .rewriteRun(WORKLOAD_IDENTITY_CLASS, WORKLOAD_IDENTITY_AFTER.replace("    region: eu-west-1\n", ""));
        assertThat(RuleHarness.changeFor(proposal, "SecretProviderClass", "shop-kv").findings())
                .extracting(Finding::settingKey).contains("aws.region");
    }

    @Test
    void nodeManagedIdentityNeedsAction() {
        Proposal proposal = RuleHarness.of(new KeyVaultProviderToAwsRule()).rewriteRun("""
                apiVersion: secrets-store.csi.x-k8s.io/v1alpha1
                kind: SecretProviderClass
                metadata: {name: vm-msi, namespace: shop}
                spec:
                  provider: azure
                  parameters:
                    useVMManagedIdentity: "true"
                    userAssignedIdentityID: fake-client
                    keyvaultName: fake-vault
                    tenantID: fake-tenant
                    objects: "array: []"
                """, """
                apiVersion: secrets-store.csi.x-k8s.io/v1alpha1
                kind: SecretProviderClass
                metadata: {name: vm-msi, namespace: shop}
                spec:
                  provider: aws
                  parameters:
                    region: eu-west-1
                    objects: "array: []"
                """);
        assertThat(RuleHarness.changeFor(proposal, "SecretProviderClass", "vm-msi").findings())
                .anySatisfy(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.ACTION_REQUIRED);
                    assertThat(f.message()).contains("node's managed identity", "No workload in the estate");
                })
                .anySatisfy(f -> assertThat(f.message()).contains("v1alpha1` is deprecated"));
    }

    @Test
    void servicePrincipalAndPodIdentityModesAreFlagged() {
        Proposal proposal = RuleHarness.of(new KeyVaultProviderToAwsRule()).run("""
                apiVersion: secrets-store.csi.x-k8s.io/v1
                kind: SecretProviderClass
                metadata: {name: sp, namespace: shop}
                spec:
                  provider: azure
                  parameters: {keyvaultName: fake-vault, objects: "array: []"}
                ---
                apiVersion: secrets-store.csi.x-k8s.io/v1
                kind: SecretProviderClass
                metadata: {name: aad, namespace: shop}
                spec:
                  provider: azure
                  parameters: {usePodIdentity: "true", keyvaultName: fake-vault, objects: "array: []"}
                """);
        assertThat(RuleHarness.changeFor(proposal, "SecretProviderClass", "sp").findings())
                .anySatisfy(f -> assertThat(f.message()).contains("service-principal credentials"));
        Change aad = RuleHarness.changeFor(proposal, "SecretProviderClass", "aad");
        assertThat(aad.findings()).anySatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).contains("aad-pod-identity");
        });
        assertThat(proposal.proposed()).allSatisfy(o -> assertThat(o.at("/spec/parameters/usePodIdentity")
                .isMissingNode()).isTrue());
    }

    @Test
    void leavesOtherProvidersAlone() {
        RuleHarness.of(new KeyVaultProviderToAwsRule()).rewriteRun("""
                apiVersion: secrets-store.csi.x-k8s.io/v1
                kind: SecretProviderClass
                metadata: {name: vault, namespace: shop}
                spec:
                  provider: vault
                  parameters: {roleName: fake}
                """);
    }
}
