package dev.ferry.engine.rule.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Finding;
import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class EsoAzureKvStoreToAwsRuleTest {

    private static final String WORKLOAD_IDENTITY_STORE = """
            apiVersion: external-secrets.io/v1
            kind: ClusterSecretStore
            metadata: {name: kv}
            spec:
              provider:
                azurekv:
                  authType: WorkloadIdentity
                  vaultUrl: https://fake-vault.vault.azure.net
                  serviceAccountRef: {name: eso-reader, namespace: shop}
            """;

    private final RuleHarness harness = RuleHarness.of(new EsoAzureKvStoreToAwsRule());

    @Test
    void workloadIdentityBecomesJwtServiceAccountRef() {
        Proposal proposal = harness.rewriteRun(WORKLOAD_IDENTITY_STORE, """
                apiVersion: external-secrets.io/v1
                kind: ClusterSecretStore
                metadata: {name: kv}
                spec:
                  provider:
                    aws:
                      service: SecretsManager
                      region: eu-west-1
                      auth:
                        jwt:
                          serviceAccountRef: {name: eso-reader, namespace: shop}
                """);
        assertThat(RuleHarness.changeFor(proposal, "ClusterSecretStore", "kv").findings())
                .anySatisfy(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.INFO);
                    assertThat(f.message()).contains("`eso-reader`", "eks.amazonaws.com/role-arn");
                })
                .anySatisfy(f -> assertThat(f.message()).contains("https://fake-vault.vault.azure.net"));
    }

    @Test
    void podIdentityModeUsesControllerCredentials() {
        Proposal proposal = harness.settings(RuleHarness.DEFAULT_SETTINGS.replace("mode: irsa", "mode: pod-identity"))
                .rewriteRun(WORKLOAD_IDENTITY_STORE, """
                        apiVersion: external-secrets.io/v1
                        kind: ClusterSecretStore
                        metadata: {name: kv}
                        spec:
                          provider:
                            aws: {service: SecretsManager, region: eu-west-1}
                        """);
        assertThat(RuleHarness.changeFor(proposal, "ClusterSecretStore", "kv").findings())
                .anySatisfy(f -> assertThat(f.message()).contains("Pod Identity mode", "controller's own credentials"));
    }

    @Test
    void servicePrincipalNeedsActionAndMissingRegionIsReported() {
        Proposal proposal = harness.settings("direction: aks-to-eks\n").rewriteRun("""
                apiVersion: external-secrets.io/v1beta1
                kind: SecretStore
                metadata: {name: kv-sp, namespace: shop}
                spec:
                  provider:
                    azurekv:
                      tenantId: fake-tenant
                      vaultUrl: https://fake-vault.vault.azure.net
                      authSecretRef:
                        clientId: {name: fake-sp-secret, key: client-id}
                        clientSecret: {name: fake-sp-secret, key: client-secret}
                """, """
                apiVersion: external-secrets.io/v1beta1
                kind: SecretStore
                metadata: {name: kv-sp, namespace: shop}
                spec:
                  provider:
                    aws: {service: SecretsManager}
                """);
        assertThat(RuleHarness.changeFor(proposal, "SecretStore", "kv-sp").findings())
                .anySatisfy(f -> assertThat(f.message()).contains("service-principal credentials",
                        "Secret `fake-sp-secret`"))
                .extracting(Finding::settingKey).contains("aws.region");
    }

    @Test
    void managedIdentityNeedsAction() {
        Proposal proposal = harness.run("""
                apiVersion: external-secrets.io/v1
                kind: SecretStore
                metadata: {name: kv-mi, namespace: shop}
                spec:
                  provider:
                    azurekv: {authType: ManagedIdentity, vaultUrl: "https://fake-vault.vault.azure.net"}
                """);
        assertThat(RuleHarness.changeFor(proposal, "SecretStore", "kv-mi").findings())
                .anySatisfy(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.ACTION_REQUIRED);
                    assertThat(f.message()).contains("managed identity");
                });
    }

    @Test
    void leavesOtherProvidersAlone() {
        harness.rewriteRun("""
                apiVersion: external-secrets.io/v1
                kind: SecretStore
                metadata: {name: vault, namespace: shop}
                spec:
                  provider:
                    vault: {server: "https://vault.example.com"}
                """);
    }
}
