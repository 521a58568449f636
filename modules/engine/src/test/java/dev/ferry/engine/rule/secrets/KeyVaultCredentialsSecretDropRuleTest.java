package dev.ferry.engine.rule.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.ChangeType;
import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class KeyVaultCredentialsSecretDropRuleTest {

    private static final String POD = """
            apiVersion: v1
            kind: Pod
            metadata: {name: reader, namespace: shop}
            spec:
              containers: [{name: c, image: busybox}]
              volumes:
                - name: kv
                  csi:
                    driver: secrets-store.csi.k8s.io
                    volumeAttributes: {secretProviderClass: shop-kv}
                    nodePublishSecretRef: {name: secrets-store-creds}
            """;
    private static final String CREDS = """
            apiVersion: v1
            kind: Secret
            metadata:
              name: secrets-store-creds
              namespace: shop
              labels: {secrets-store.csi.k8s.io/used: "true"}
            type: Opaque
            stringData: {clientid: fake-client, clientsecret: not-a-real-value}
            """;

    private final RuleHarness harness = RuleHarness.of(new KeyVaultCredentialsSecretDropRule());

    @Test
    void dropsCredentialsSecretUsedOnlyForKeyVault() {
        Proposal proposal = harness.rewriteRun(POD + "---\n" + CREDS, POD);
        assertThat(RuleHarness.changeFor(proposal, "Secret", "secrets-store-creds").type())
                .isEqualTo(ChangeType.DROP);
        assertThat(RuleHarness.changeFor(proposal, "Secret", "secrets-store-creds").rationale())
                .contains("EDGES.md §6.4", "Pod/reader");
    }

    @Test
    void keepsCredentialsSecretUsedElsewhereWithWarning() {
        Proposal proposal = harness.rewriteRun(POD + """
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: uses-env, namespace: shop}
                spec:
                  template:
                    spec:
                      containers:
                        - name: app
                          image: busybox
                          envFrom: [{secretRef: {name: secrets-store-creds}}]
                ---
                """ + CREDS);
        assertThat(RuleHarness.changeFor(proposal, "Secret", "secrets-store-creds").findings())
                .singleElement().satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.WARNING);
                    assertThat(f.message()).contains("Deployment/uses-env container `app` env");
                });
    }

    @Test
    void keepsSecretsNotReferencedByCsiVolumes() {
        harness.rewriteRun(CREDS);
    }
}
