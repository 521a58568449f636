package dev.ferry.engine.rule.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Finding;
import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class WorkloadIdentityTokenExpirationRuleTest {

    private final RuleHarness harness = RuleHarness.of(new WorkloadIdentityTokenExpirationRule());

    @Test
    void mapsTokenExpirationToEksAnnotation() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: v1
                kind: ServiceAccount
                metadata:
                  name: cart
                  namespace: shop
                  annotations:
                    azure.workload.identity/client-id: abc
                    azure.workload.identity/service-account-token-expiration: "7200"
                """, """
                apiVersion: v1
                kind: ServiceAccount
                metadata:
                  name: cart
                  namespace: shop
                  annotations:
                    azure.workload.identity/client-id: abc
                    eks.amazonaws.com/token-expiration: "7200"
                """);
        assertThat(RuleHarness.changeFor(proposal, "ServiceAccount", "cart").findings()).isEmpty();
    }

    @Test
    void clampsLifetimeToWhatEksAccepts() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: v1
                kind: ServiceAccount
                metadata:
                  name: cart
                  annotations: {azure.workload.identity/service-account-token-expiration: "172800"}
                """, """
                apiVersion: v1
                kind: ServiceAccount
                metadata:
                  name: cart
                  annotations: {eks.amazonaws.com/token-expiration: "86400"}
                """);
        assertThat(RuleHarness.changeFor(proposal, "ServiceAccount", "cart").findings())
                .extracting(Finding::severity).containsExactly(Severity.WARNING);
        harness.rewriteRun("""
                apiVersion: v1
                kind: ServiceAccount
                metadata:
                  name: short
                  annotations: {azure.workload.identity/service-account-token-expiration: "300"}
                """, """
                apiVersion: v1
                kind: ServiceAccount
                metadata:
                  name: short
                  annotations: {eks.amazonaws.com/token-expiration: "600"}
                """);
    }

    @Test
    void dropsUnreadableLifetimeWithWarning() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: v1
                kind: ServiceAccount
                metadata:
                  name: cart
                  annotations: {azure.workload.identity/service-account-token-expiration: 1h, app: x}
                """, """
                apiVersion: v1
                kind: ServiceAccount
                metadata:
                  name: cart
                  annotations: {app: x}
                """);
        assertThat(RuleHarness.changeFor(proposal, "ServiceAccount", "cart").findings())
                .extracting(Finding::severity).containsExactly(Severity.WARNING);
    }

    @Test
    void notesThatTheDefaultLifetimeGrows() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: v1
                kind: ServiceAccount
                metadata:
                  name: cart
                  annotations: {azure.workload.identity/client-id: abc}
                """);
        assertThat(RuleHarness.changeFor(proposal, "ServiceAccount", "cart").findings())
                .singleElement().satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.INFO);
                    assertThat(f.message()).contains("3600").contains("86400");
                });
    }

    @Test
    void dropsLifetimeUnderPodIdentity() {
        Proposal proposal = harness.settings("identity: {mode: pod-identity}\n").rewriteRun("""
                apiVersion: v1
                kind: ServiceAccount
                metadata:
                  name: cart
                  annotations: {azure.workload.identity/service-account-token-expiration: "3600", app: x}
                """, """
                apiVersion: v1
                kind: ServiceAccount
                metadata:
                  name: cart
                  annotations: {app: x}
                """);
        assertThat(RuleHarness.changeFor(proposal, "ServiceAccount", "cart").findings())
                .singleElement().extracting(Finding::message).asString().contains("86400");
    }

    @Test
    void ignoresServiceAccountsWithoutWorkloadId() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: v1
                kind: ServiceAccount
                metadata: {name: plain}
                """);
        assertThat(proposal.changes()).isEmpty();
    }
}
