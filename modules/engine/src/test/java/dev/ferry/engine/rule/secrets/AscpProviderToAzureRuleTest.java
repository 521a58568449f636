package dev.ferry.engine.rule.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Finding;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class AscpProviderToAzureRuleTest {

    private static final String SETTINGS = RuleHarness.EKS_TO_AKS_SETTINGS
            .replace("identity: {clientIds: {}}", "identity: {clientIds: {shop/cart: 11111111-2222-3333-4444-555555555555}}")
            + "keyVault: {names: {prod/: shop-kv}}\n";

    private static final String CLASS = """
            apiVersion: secrets-store.csi.x-k8s.io/v1
            kind: SecretProviderClass
            metadata: {name: db, namespace: shop}
            spec:
              provider: aws
              parameters:
                region: eu-west-1
                failoverRegion: eu-central-1
                usePodIdentity: "true"
                objects: |
                  - objectName: prod/db
                    objectType: secretsmanager
            """;

    private static final String POD = """
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: cart, namespace: shop}
            spec:
              serviceAccountName: cart
              containers: [{name: c, image: app}]
              volumes: [{name: s, csi: {driver: secrets-store.csi.k8s.io, readOnly: true, volumeAttributes: {secretProviderClass: db}}}]
            """;

    @Test
    void switchesToAzureWithVaultTenantAndClientId() {
        Proposal proposal = RuleHarness.of(new AscpProviderToAzureRule()).settings(SETTINGS).rewriteRun(CLASS + POD, """
                apiVersion: secrets-store.csi.x-k8s.io/v1
                kind: SecretProviderClass
                metadata: {name: db, namespace: shop}
                spec:
                  provider: azure
                  parameters:
                    usePodIdentity: "false"
                    keyvaultName: shop-kv
                    tenantID: 00000000-0000-0000-0000-000000000002
                    clientID: 11111111-2222-3333-4444-555555555555
                    objects: |
                      - objectName: prod/db
                        objectType: secretsmanager
                """ + POD);
        assertThat(RuleHarness.changeFor(proposal, "SecretProviderClass", "db").findings())
                .extracting(Finding::message).anySatisfy(m -> assertThat(m).contains("failoverRegion"));
    }

    @Test
    void asksForVaultAndClientIdWhenUnknown() {
        Proposal proposal = RuleHarness.of(new AscpProviderToAzureRule()).run(CLASS);
        var spc = proposal.proposed().get(0);
        assertThat(spc.at("/spec/parameters/keyvaultName").asText()).isEqualTo("KEY_VAULT_NAME");
        assertThat(spc.at("/spec/parameters/clientID").asText()).isEqualTo("00000000-0000-0000-0000-000000000000");
        assertThat(RuleHarness.changeFor(proposal, "SecretProviderClass", "db").findings())
                .extracting(Finding::settingKey).contains("keyVault.names", "identity.clientIds");
    }

    @Test
    void leavesAzureClassAlone() {
        RuleHarness.of(new AscpProviderToAzureRule()).rewriteRun("""
                apiVersion: secrets-store.csi.x-k8s.io/v1
                kind: SecretProviderClass
                metadata: {name: kv, namespace: shop}
                spec: {provider: azure, parameters: {keyvaultName: kv}}
                """);
    }
}
