package dev.ferry.engine.rule.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.ChangeType;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class EcrPullSecretDropRuleTest {

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
    void dropsEcrPullSecret() {
        Proposal proposal = RuleHarness.of(new EcrPullSecretDropRule())
                .run(secret("regcred", "111122223333.dkr.ecr.eu-west-1.amazonaws.com"));
        assertThat(proposal.proposed()).isEmpty();
        assertThat(proposal.changes()).singleElement()
                .satisfies(c -> assertThat(c.type()).isEqualTo(ChangeType.DROP));
    }

    @Test
    void keepsPullSecretForAnotherRegistry() {
        RuleHarness.of(new EcrPullSecretDropRule()).rewriteRun(secret("ghcr", "ghcr.io"));
    }
}
