package dev.ferry.engine.rule.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.ChangeType;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class SyncedSecretDropRuleTest {

    private final RuleHarness harness = RuleHarness.of(new SyncedSecretDropRule());

    @Test
    void dropsSecretSyncedFromSecretProviderClass() {
        String spc = """
                apiVersion: secrets-store.csi.x-k8s.io/v1
                kind: SecretProviderClass
                metadata: {name: sync, namespace: shop}
                spec:
                  provider: azure
                  secretObjects:
                    - secretName: fake-synced
                      type: Opaque
                      data: [{objectName: DB_PASSWORD, key: password}]
                  parameters: {objects: "array: []"}
                """;
        Proposal proposal = harness.rewriteRun(spc + """
                ---
                apiVersion: v1
                kind: Secret
                metadata: {name: fake-synced, namespace: shop}
                type: Opaque
                data: {password: bm90LWEtcmVhbC12YWx1ZQ==}
                """, spc);
        assertThat(RuleHarness.changeFor(proposal, "Secret", "fake-synced").type()).isEqualTo(ChangeType.DROP);
        assertThat(RuleHarness.changeFor(proposal, "Secret", "fake-synced").summary())
                .contains("SecretProviderClass/sync");
    }

    @Test
    void dropsExternalSecretTargetAndManagedLabelledSecret() {
        String external = """
                apiVersion: external-secrets.io/v1
                kind: ExternalSecret
                metadata: {name: app-config, namespace: shop}
                spec:
                  secretStoreRef: {name: kv, kind: SecretStore}
                  target: {name: app-config-secret}
                  data: [{secretKey: token, remoteRef: {key: fake-token}}]
                """;
        harness.rewriteRun(external + """
                ---
                apiVersion: v1
                kind: Secret
                metadata: {name: app-config-secret, namespace: shop}
                type: Opaque
                ---
                apiVersion: v1
                kind: Secret
                metadata:
                  name: labelled
                  namespace: shop
                  labels: {secrets-store.csi.k8s.io/managed: "true"}
                type: Opaque
                """, external);
    }

    @Test
    void keepsMergeTargetsAndOtherNamespaces() {
        harness.rewriteRun("""
                apiVersion: external-secrets.io/v1
                kind: ExternalSecret
                metadata: {name: merged, namespace: shop}
                spec:
                  secretStoreRef: {name: kv}
                  target: {creationPolicy: Merge}
                ---
                apiVersion: v1
                kind: Secret
                metadata: {name: merged, namespace: shop}
                type: Opaque
                ---
                apiVersion: v1
                kind: Secret
                metadata: {name: merged, namespace: other}
                type: Opaque
                """);
    }
}
