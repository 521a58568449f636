package dev.ferry.engine.rule.loadbalancer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Finding;
import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class AzureLbUnsupportedAnnotationsRuleTest {

    private final RuleHarness harness = RuleHarness.of(new AzureLbUnsupportedAnnotationsRule());

    @Test
    void removesAzureOnlyKeysButLeavesTranslatedOnesToTheirRules() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                  annotations:
                    service.beta.kubernetes.io/azure-shared-securityrule: "true"
                    service.beta.kubernetes.io/azure-load-balancer-mode: __auto__
                    service.beta.kubernetes.io/azure-load-balancer-enable-high-availability-ports: "true"
                    service.beta.kubernetes.io/port_8080_no_lb_rule: "true"
                    service.beta.kubernetes.io/azure-something-new: "x"
                    service.beta.kubernetes.io/azure-load-balancer-internal: "true"
                    team: shop
                spec: {type: LoadBalancer, ports: [{port: 80}]}
                """, """
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                  annotations:
                    service.beta.kubernetes.io/azure-load-balancer-internal: "true"
                    team: shop
                spec: {type: LoadBalancer, ports: [{port: 80}]}
                """);
        assertThat(RuleHarness.changeFor(proposal, "Service", "web").findings()).extracting(Finding::severity)
                .containsExactlyInAnyOrder(Severity.INFO, Severity.INFO, Severity.WARNING, Severity.WARNING,
                        Severity.WARNING);
    }

    @Test
    void removesEveryAzureKeyFromAServiceTheAzureProviderIgnored() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: api
                  annotations:
                    service.beta.kubernetes.io/azure-load-balancer-internal: "true"
                    service.beta.kubernetes.io/azure-load-balancer-health-probe-request-path: /healthz
                spec: {type: ClusterIP, ports: [{port: 80}]}
                """, """
                apiVersion: v1
                kind: Service
                metadata: {name: api}
                spec: {type: ClusterIP, ports: [{port: 80}]}
                """);
        assertThat(RuleHarness.changeFor(proposal, "Service", "api").findings())
                .extracting(Finding::severity).containsOnly(Severity.INFO).hasSize(2);
    }

    @Test
    void leavesServicesWithoutAzureKeysAlone() {
        harness.rewriteRun("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                  annotations: {service.beta.kubernetes.io/aws-load-balancer-scheme: internal}
                spec: {type: LoadBalancer, ports: [{port: 80}]}
                """);
    }
}
