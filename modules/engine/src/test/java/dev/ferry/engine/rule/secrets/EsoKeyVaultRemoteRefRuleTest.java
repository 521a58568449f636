package dev.ferry.engine.rule.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Finding;
import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class EsoKeyVaultRemoteRefRuleTest {

    private final RuleHarness harness = RuleHarness.of(new EsoKeyVaultRemoteRefRule());

    @Test
    void flagsKeyVaultPrefixesWithoutChangingTheObject() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: external-secrets.io/v1
                kind: SecretStore
                metadata: {name: kv, namespace: shop}
                spec:
                  provider:
                    azurekv: {vaultUrl: "https://fake-vault.vault.azure.net", authType: WorkloadIdentity}
                ---
                apiVersion: external-secrets.io/v1
                kind: ExternalSecret
                metadata: {name: app, namespace: shop}
                spec:
                  secretStoreRef: {name: kv}
                  data:
                    - {secretKey: password, remoteRef: {key: secret/fake-db-password}}
                    - {secretKey: plain, remoteRef: {key: fake-plain}}
                    - {secretKey: tls, remoteRef: {key: cert/fake-cert}}
                  dataFrom:
                    - extract: {key: key/fake-key}
                    - find: {tags: {app: shop}}
                """);
        assertThat(RuleHarness.changeFor(proposal, "ExternalSecret", "app").findings())
                .hasSize(4)
                .anySatisfy(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.WARNING);
                    assertThat(f.message()).contains("secret key `password`", "`fake-db-password`");
                })
                .anySatisfy(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.ACTION_REQUIRED);
                    assertThat(f.message()).contains("certificate `fake-cert`");
                })
                .anySatisfy(f -> assertThat(f.message()).contains("dataFrom extract", "key `fake-key`"))
                .extracting(Finding::message).noneMatch(m -> m.contains("fake-plain"));
    }

    @Test
    void ignoresExternalSecretsOfNonKeyVaultStores() {
        harness.rewriteRun("""
                apiVersion: external-secrets.io/v1beta1
                kind: ClusterSecretStore
                metadata: {name: aws}
                spec:
                  provider:
                    aws: {service: SecretsManager, region: eu-west-1}
                ---
                apiVersion: external-secrets.io/v1beta1
                kind: ExternalSecret
                metadata: {name: app, namespace: shop}
                spec:
                  secretStoreRef: {name: aws, kind: ClusterSecretStore}
                  data:
                    - {secretKey: password, remoteRef: {key: prod/fake-db}}
                """);
        Proposal proposal = harness.run("""
                apiVersion: external-secrets.io/v1beta1
                kind: ClusterSecretStore
                metadata: {name: aws}
                spec:
                  provider:
                    aws: {service: SecretsManager, region: eu-west-1}
                ---
                apiVersion: external-secrets.io/v1beta1
                kind: ExternalSecret
                metadata: {name: app, namespace: shop}
                spec:
                  secretStoreRef: {name: aws, kind: ClusterSecretStore}
                  data:
                    - {secretKey: password, remoteRef: {key: secret/fake-db}}
                """);
        assertThat(proposal.changes()).isEmpty();
    }
}
