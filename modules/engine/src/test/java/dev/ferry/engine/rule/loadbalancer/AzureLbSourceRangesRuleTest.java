package dev.ferry.engine.rule.loadbalancer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Finding;
import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class AzureLbSourceRangesRuleTest {

    private final RuleHarness harness = RuleHarness.of(new AzureLbSourceRangesRule());

    @Test
    void movesAllowedIpRangesToSpec() {
        harness.rewriteRun("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                  annotations:
                    service.beta.kubernetes.io/azure-allowed-ip-ranges: "203.0.113.0/24, 198.51.100.7/32"
                    service.beta.kubernetes.io/azure-deny-all-except-load-balancer-source-ranges: "true"
                spec: {type: LoadBalancer, ports: [{port: 80}]}
                """, """
                apiVersion: v1
                kind: Service
                metadata: {name: web}
                spec:
                  type: LoadBalancer
                  ports: [{port: 80}]
                  loadBalancerSourceRanges: [203.0.113.0/24, 198.51.100.7/32]
                """);
    }

    @Test
    void keepsPortableSourceRangesWithANote() {
        Proposal proposal = harness.run("""
                apiVersion: v1
                kind: Service
                metadata: {name: web}
                spec: {type: LoadBalancer, ports: [{port: 80}], loadBalancerSourceRanges: [10.0.0.0/8]}
                """);
        assertThat(proposal.proposed().get(0).at("/spec/loadBalancerSourceRanges/0").asText()).isEqualTo("10.0.0.0/8");
        assertThat(RuleHarness.changeFor(proposal, "Service", "web").findings())
                .extracting(Finding::severity).containsExactly(Severity.INFO);
    }

    @Test
    void serviceTagsNeedPrefixLists() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                  annotations:
                    service.beta.kubernetes.io/azure-allowed-service-tags: AzureFrontDoor.Backend
                spec: {type: LoadBalancer, ports: [{port: 80}]}
                """, """
                apiVersion: v1
                kind: Service
                metadata: {name: web}
                spec: {type: LoadBalancer, ports: [{port: 80}]}
                """);
        assertThat(RuleHarness.changeFor(proposal, "Service", "web").findings())
                .singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ACTION_REQUIRED))
                .satisfies(f -> assertThat(f.message()).contains("AzureFrontDoor.Backend",
                        "aws-load-balancer-security-group-prefix-lists"));
    }

    @Test
    void specRangesWinOverTheAnnotation() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                  annotations: {service.beta.kubernetes.io/azure-allowed-ip-ranges: 192.0.2.0/24}
                spec: {type: LoadBalancer, ports: [{port: 80}], loadBalancerSourceRanges: [10.0.0.0/8]}
                """, """
                apiVersion: v1
                kind: Service
                metadata: {name: web}
                spec: {type: LoadBalancer, ports: [{port: 80}], loadBalancerSourceRanges: [10.0.0.0/8]}
                """);
        assertThat(RuleHarness.changeFor(proposal, "Service", "web").findings())
                .extracting(Finding::severity).contains(Severity.WARNING);
    }
}
