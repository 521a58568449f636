package dev.ferry.engine.rule.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.rule.Rule;
import org.junit.jupiter.api.Test;

class SecretsRulesTest {

    @Test
    void catalogueListsTheSecretsRulesInRunOrder() {
        assertThat(SecretsRules.aksToEks()).extracting(r -> r.info().id()).containsExactly(
                "keyvault-provider-to-aws",
                "keyvault-objects-to-ascp",
                "keyvault-node-publish-secret-ref-removal",
                "keyvault-credentials-secret-drop",
                "eso-azurekv-store-to-aws",
                "eso-keyvault-remote-ref-check",
                "synced-secret-drop",
                "secret-values-supplied-at-apply",
                "tls-secret-acm-note");
        assertThat(SecretsRules.aksToEks()).extracting(Rule::info).allSatisfy(info -> {
            assertThat(info.edge()).isEqualTo(Edge.SECRETS);
            assertThat(info.direction()).isEqualTo(Direction.AKS_TO_EKS);
        });
    }
}
