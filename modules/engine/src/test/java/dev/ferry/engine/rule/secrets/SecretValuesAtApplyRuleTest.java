package dev.ferry.engine.rule.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Change;
import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class SecretValuesAtApplyRuleTest {

    private final RuleHarness harness = RuleHarness.of(new SecretValuesAtApplyRule());

    @Test
    void namesKeysButNeverValues() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: v1
                kind: Secret
                metadata: {name: app-settings, namespace: shop}
                type: Opaque
                data: {DB_PASSWORD: bm90LWEtcmVhbC12YWx1ZQ==}
                stringData: {API_TOKEN: not-a-real-token}
                """);
        Change change = RuleHarness.changeFor(proposal, "Secret", "app-settings");
        assertThat(change.patch()).isEmpty();
        assertThat(change.findings()).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ACTION_REQUIRED);
            assertThat(f.message()).contains("keys: `API_TOKEN`, `DB_PASSWORD`", "AWS Secrets Manager",
                    "ferry.dev/value-digests");
            assertThat(f.message()).doesNotContain("not-a-real", "bm90");
        });
    }

    @Test
    void coversOtherTypesAndHelmReleases() {
        Proposal proposal = harness.run("""
                apiVersion: v1
                kind: Secret
                metadata: {name: basic, namespace: shop}
                type: kubernetes.io/basic-auth
                stringData: {username: fake-user, password: fake-pass}
                ---
                apiVersion: v1
                kind: Secret
                metadata: {name: sh.helm.release.v1.shop.v1, namespace: shop}
                type: helm.sh/release.v1
                data: {release: ZmFrZQ==}
                """);
        assertThat(RuleHarness.changeFor(proposal, "Secret", "basic").findings().get(0).message())
                .contains("type `kubernetes.io/basic-auth`", "`password`, `username`");
        assertThat(RuleHarness.changeFor(proposal, "Secret", "sh.helm.release.v1.shop.v1").findings())
                .singleElement().satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.WARNING);
                    assertThat(f.message()).contains("Helm release record");
                });
    }

    @Test
    void skipsPullSecretsEmptySecretsAndDroppedOnes() {
        Proposal proposal = harness.run("""
                apiVersion: v1
                kind: Secret
                metadata: {name: acr-pull, namespace: shop}
                type: kubernetes.io/dockerconfigjson
                data: {.dockerconfigjson: e30=}
                ---
                apiVersion: v1
                kind: Secret
                metadata: {name: empty, namespace: shop}
                type: Opaque
                ---
                apiVersion: v1
                kind: Secret
                metadata:
                  name: synced
                  namespace: shop
                  labels: {secrets-store.csi.k8s.io/managed: "true"}
                type: Opaque
                data: {k: ZmFrZQ==}
                """);
        assertThat(proposal.changes()).isEmpty();
    }
}
