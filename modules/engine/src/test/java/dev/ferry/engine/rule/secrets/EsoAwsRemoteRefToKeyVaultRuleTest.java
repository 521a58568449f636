package dev.ferry.engine.rule.secrets;

import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class EsoAwsRemoteRefToKeyVaultRuleTest {

    private static final String SETTINGS = RuleHarness.EKS_TO_AKS_SETTINGS + "keyVault: {names: {prod/: shop-kv}}\n";

    @Test
    void rewritesKeysToKeyVaultNamesAndDropsVersions() {
        RuleHarness.of(new EsoAwsRemoteRefToKeyVaultRule()).settings(SETTINGS).rewriteRun("""
                apiVersion: external-secrets.io/v1
                kind: ExternalSecret
                metadata: {name: db, namespace: shop}
                spec:
                  secretStoreRef: {name: aws, kind: ClusterSecretStore}
                  data:
                  - {secretKey: password, remoteRef: {key: prod/db_credentials, property: password, version: AWSCURRENT}}
                  - {secretKey: plain, remoteRef: {key: plain}}
                  dataFrom:
                  - extract: {key: "arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/app-Ab12Cd"}
                """, """
                apiVersion: external-secrets.io/v1
                kind: ExternalSecret
                metadata: {name: db, namespace: shop}
                spec:
                  secretStoreRef: {name: aws, kind: ClusterSecretStore}
                  data:
                  - {secretKey: password, remoteRef: {key: db-credentials, property: password}}
                  - {secretKey: plain, remoteRef: {key: plain}}
                  dataFrom:
                  - extract: {key: app}
                """);
    }

    @Test
    void leavesExternalSecretOfAnotherProviderAlone() {
        RuleHarness.of(new EsoAwsRemoteRefToKeyVaultRule()).rewriteRun("""
                apiVersion: external-secrets.io/v1
                kind: SecretStore
                metadata: {name: vault, namespace: shop}
                spec: {provider: {vault: {server: "https://vault:8200"}}}
                ---
                apiVersion: external-secrets.io/v1
                kind: ExternalSecret
                metadata: {name: db, namespace: shop}
                spec:
                  secretStoreRef: {name: vault}
                  data: [{secretKey: a, remoteRef: {key: secret/data/db_x}}]
                """);
    }
}
