package dev.ferry.engine.rule.networking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Finding;
import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class NetworkPolicyEnforcementRuleTest {

    private final RuleHarness harness = RuleHarness.of(new NetworkPolicyEnforcementRule());

    @Test
    void standardPolicyNeedsTheVpcCniPolicyAgent() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: deny-all, namespace: shop}
                spec: {podSelector: {}, policyTypes: [Ingress]}
                """);
        assertThat(RuleHarness.changeFor(proposal, "NetworkPolicy", "deny-all").findings())
                .singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.INFO))
                .satisfies(f -> assertThat(f.message()).contains("enableNetworkPolicy"));
    }

    @Test
    void ciliumPolicyNeedsCilium() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: cilium.io/v2
                kind: CiliumNetworkPolicy
                metadata: {name: l7, namespace: shop}
                spec: {endpointSelector: {}}
                """);
        assertThat(RuleHarness.changeFor(proposal, "CiliumNetworkPolicy", "l7").findings())
                .extracting(Finding::severity).containsExactly(Severity.WARNING);
    }

    @Test
    void ignoresOtherObjects() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: NetworkPolicy}
                data: {a: b}
                """);
        assertThat(proposal.changes()).isEmpty();
    }
}
