package dev.ferry.engine.rule.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class EcrPullSecretReferenceRuleTest {

    private static String secret(String name, String host) {
        String json = "{\"auths\":{\"" + host + "\":{\"auth\":\"" + Base64.getEncoder().encodeToString("AWS:x".getBytes())
                + "\"}}}";
        return """
                apiVersion: v1
                kind: Secret
                metadata: {name: %s, namespace: shop}
                type: kubernetes.io/dockerconfigjson
                data:
                  .dockerconfigjson: %s
                """.formatted(name, Base64.getEncoder().encodeToString(json.getBytes()));
    }

    @Test
    void removesEcrPullSecretFromPodSpecAndKeepsOthers() {
        String estate = secret("regcred", "111122223333.dkr.ecr.eu-west-1.amazonaws.com") + "---\n"
                + secret("ghcr", "ghcr.io") + """
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: shop}
                spec:
                  template:
                    spec:
                      imagePullSecrets: [{name: regcred}, {name: ghcr}]
                      containers: [{name: web, image: "111122223333.dkr.ecr.eu-west-1.amazonaws.com/web:1"}]
                """;
        Proposal proposal = RuleHarness.of(new EcrPullSecretReferenceRule()).run(estate);
        var web = proposal.proposed().stream().filter(o -> o.name().equals("web")).findFirst().orElseThrow();
        assertThat(web.at("/spec/template/spec/imagePullSecrets").toString()).isEqualTo("[{\"name\":\"ghcr\"}]");
    }

    @Test
    void removesUndefinedEcrNamedSecretFromServiceAccount() {
        RuleHarness.of(new EcrPullSecretReferenceRule()).rewriteRun("""
                apiVersion: v1
                kind: ServiceAccount
                metadata: {name: builder, namespace: ci}
                imagePullSecrets: [{name: ecr-creds}]
                """, """
                apiVersion: v1
                kind: ServiceAccount
                metadata: {name: builder, namespace: ci}
                """);
    }

    @Test
    void keepsUnrelatedPullSecretWhenPodDoesNotUseEcr() {
        RuleHarness.of(new EcrPullSecretReferenceRule()).rewriteRun("""
                apiVersion: v1
                kind: Pod
                metadata: {name: p, namespace: ci}
                spec:
                  imagePullSecrets: [{name: my-ecr-mirror}]
                  containers: [{name: c, image: quay.io/org/app:1}]
                """);
    }
}
