package dev.ferry.engine.rule.networking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Finding;
import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class DualStackServiceRuleTest {

    private final RuleHarness harness = RuleHarness.of(new DualStackServiceRule());

    @Test
    void warnsOnRequiredDualStackAndNotesPreferredDualStack() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: v1
                kind: Service
                metadata: {name: strict}
                spec: {ipFamilyPolicy: RequireDualStack, ipFamilies: [IPv4, IPv6], ports: [{port: 80}]}
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: lenient}
                spec: {ipFamilyPolicy: PreferDualStack, ports: [{port: 80}]}
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: v6}
                spec: {ipFamilies: [IPv6], ports: [{port: 80}]}
                """);
        assertThat(RuleHarness.changeFor(proposal, "Service", "strict").findings())
                .extracting(Finding::severity).containsExactly(Severity.WARNING);
        assertThat(RuleHarness.changeFor(proposal, "Service", "lenient").findings())
                .extracting(Finding::severity).containsExactly(Severity.INFO);
        assertThat(RuleHarness.changeFor(proposal, "Service", "v6").findings())
                .extracting(Finding::severity).containsExactly(Severity.WARNING);
    }

    @Test
    void saysNothingAboutSingleStackIpv4() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: v1
                kind: Service
                metadata: {name: web}
                spec: {ipFamilyPolicy: SingleStack, ipFamilies: [IPv4], ports: [{port: 80}]}
                """);
        assertThat(proposal.changes()).isEmpty();
    }
}
