package dev.ferry.engine.rule.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.ChangeType;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class AcrPullSecretRulesTest {

    private static String dockerConfig(String host) {
        String json = "{\"auths\":{\"" + host + "\":{\"auth\":\"" + Base64.getEncoder().encodeToString("u:p".getBytes()) + "\"}}}";
        return Base64.getEncoder().encodeToString(json.getBytes());
    }

    private static String secret(String name, String host) {
        return """
                apiVersion: v1
                kind: Secret
                metadata: {name: %s, namespace: shop}
                type: kubernetes.io/dockerconfigjson
                data:
                  .dockerconfigjson: %s
                """.formatted(name, dockerConfig(host));
    }

    @Test
    void dropsAcrPullSecret() {
        Proposal proposal = RuleHarness.of(new AcrPullSecretDropRule()).run(secret("regcred", "shopacr.azurecr.io"));
        assertThat(proposal.proposed()).isEmpty();
        assertThat(proposal.changes()).singleElement()
                .satisfies(c -> assertThat(c.type()).isEqualTo(ChangeType.DROP));
    }

    @Test
    void keepsPullSecretForAnotherRegistry() {
        RuleHarness.of(new AcrPullSecretDropRule()).rewriteRun(secret("ghcr", "ghcr.io"));
    }

    @Test
    void removesAcrPullSecretFromPodSpecAndKeepsOthers() {
        String estate = secret("regcred", "shopacr.azurecr.io") + "---\n" + secret("ghcr", "ghcr.io") + """
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: shop}
                spec:
                  template:
                    spec:
                      imagePullSecrets: [{name: regcred}, {name: ghcr}]
                      containers: [{name: web, image: shopacr.azurecr.io/web:1}]
                """;
        Proposal proposal = RuleHarness.of(new AcrPullSecretReferenceRule()).run(estate);
        var web = proposal.proposed().stream().filter(o -> o.name().equals("web")).findFirst().orElseThrow();
        assertThat(web.at("/spec/template/spec/imagePullSecrets").toString()).isEqualTo("[{\"name\":\"ghcr\"}]");
    }

    @Test
    void removesUndefinedAcrNamedSecretFromServiceAccount() {
        RuleHarness.of(new AcrPullSecretReferenceRule()).rewriteRun("""
                apiVersion: v1
                kind: ServiceAccount
                metadata: {name: builder, namespace: ci}
                imagePullSecrets: [{name: acr-secret}]
                """, """
                apiVersion: v1
                kind: ServiceAccount
                metadata: {name: builder, namespace: ci}
                """);
    }

    @Test
    void keepsUnrelatedPullSecretWhenPodDoesNotUseAcr() {
        RuleHarness.of(new AcrPullSecretReferenceRule()).rewriteRun("""
                apiVersion: v1
                kind: Pod
                metadata: {name: p, namespace: ci}
                spec:
                  imagePullSecrets: [{name: my-acr-mirror}]
                  containers: [{name: c, image: quay.io/org/app:1}]
                """);
    }
}
