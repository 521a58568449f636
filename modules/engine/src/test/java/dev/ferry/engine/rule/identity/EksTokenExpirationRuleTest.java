package dev.ferry.engine.rule.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class EksTokenExpirationRuleTest {

    private final RuleHarness harness = RuleHarness.of(new EksTokenExpirationRule());

    @Test
    void carriesServiceAccountLifetime() {
        harness.rewriteRun("""
                apiVersion: v1
                kind: ServiceAccount
                metadata: {name: a, namespace: x, annotations: {eks.amazonaws.com/token-expiration: "7200"}}
                """, """
                apiVersion: v1
                kind: ServiceAccount
                metadata: {name: a, namespace: x, annotations: {azure.workload.identity/service-account-token-expiration: "7200"}}
                """);
    }

    @Test
    void clampsShortPodLifetimeToAzureMinimum() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: d, namespace: x}
                spec:
                  template:
                    metadata: {annotations: {eks.amazonaws.com/token-expiration: "600"}}
                    spec: {containers: [{name: c, image: app}]}
                """, """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: d, namespace: x}
                spec:
                  template:
                    metadata: {annotations: {azure.workload.identity/service-account-token-expiration: "3600"}}
                    spec: {containers: [{name: c, image: app}]}
                """);
        assertThat(RuleHarness.changeFor(proposal, "Deployment", "d").findings())
                .singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
    }

    @Test
    void dropsUnreadableLifetimeWithWarning() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: v1
                kind: ServiceAccount
                metadata: {name: a, namespace: x, annotations: {eks.amazonaws.com/token-expiration: "1d"}}
                """, """
                apiVersion: v1
                kind: ServiceAccount
                metadata: {name: a, namespace: x}
                """);
        assertThat(RuleHarness.changeFor(proposal, "ServiceAccount", "a").findings()).hasSize(1);
    }
}
