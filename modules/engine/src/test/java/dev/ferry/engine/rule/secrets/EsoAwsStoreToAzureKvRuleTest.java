package dev.ferry.engine.rule.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Finding;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class EsoAwsStoreToAzureKvRuleTest {

    private static final String SETTINGS = RuleHarness.EKS_TO_AKS_SETTINGS + "keyVault: {names: {prod/: shop-kv}}\n";

    @Test
    void turnsIrsaStoreIntoWorkloadIdentityKeyVaultStore() {
        RuleHarness.of(new EsoAwsStoreToAzureKvRule()).settings(SETTINGS).rewriteRun("""
                apiVersion: external-secrets.io/v1
                kind: ClusterSecretStore
                metadata: {name: aws}
                spec:
                  provider:
                    aws:
                      service: SecretsManager
                      region: eu-west-1
                      auth: {jwt: {serviceAccountRef: {name: external-secrets-sa, namespace: external-secrets}}}
                """, """
                apiVersion: external-secrets.io/v1
                kind: ClusterSecretStore
                metadata: {name: aws}
                spec:
                  provider:
                    azurekv:
                      vaultUrl: https://shop-kv.vault.azure.net
                      authType: WorkloadIdentity
                      tenantId: 00000000-0000-0000-0000-000000000002
                      serviceAccountRef: {name: external-secrets-sa, namespace: external-secrets}
                """);
    }

    @Test
    void asksForVaultAndReportsAccessKeys() {
        Proposal proposal = RuleHarness.of(new EsoAwsStoreToAzureKvRule()).run("""
                apiVersion: external-secrets.io/v1beta1
                kind: SecretStore
                metadata: {name: ps, namespace: shop}
                spec:
                  provider:
                    aws:
                      service: ParameterStore
                      region: eu-west-1
                      auth: {secretRef: {accessKeyIDSecretRef: {name: awssm, key: id}}}
                """);
        assertThat(proposal.proposed().get(0).at("/spec/provider/azurekv/vaultUrl").asText())
                .isEqualTo("https://KEY_VAULT_NAME.vault.azure.net");
        assertThat(RuleHarness.changeFor(proposal, "SecretStore", "ps").findings())
                .extracting(Finding::message)
                .anySatisfy(m -> assertThat(m).contains("static AWS access keys"))
                .anySatisfy(m -> assertThat(m).contains("Parameter Store"));
    }
}
