package dev.ferry.engine.rule.loadbalancer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Finding;
import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class AzureLbPrivateLinkRuleTest {

    private final RuleHarness harness = RuleHarness.of(new AzureLbPrivateLinkRule());

    @Test
    void privateLinkServiceNeedsAVpcEndpointService() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: api
                  annotations:
                    service.beta.kubernetes.io/azure-load-balancer-internal: "true"
                    service.beta.kubernetes.io/azure-pls-create: "true"
                    service.beta.kubernetes.io/azure-pls-name: api-pls
                    service.beta.kubernetes.io/azure-pls-visibility: "*"
                    service.beta.kubernetes.io/azure-pls-proxy-protocol: "true"
                spec: {type: LoadBalancer, ports: [{port: 443}]}
                """, """
                apiVersion: v1
                kind: Service
                metadata:
                  name: api
                  annotations:
                    service.beta.kubernetes.io/azure-load-balancer-internal: "true"
                spec: {type: LoadBalancer, ports: [{port: 443}]}
                """);
        var findings = RuleHarness.changeFor(proposal, "Service", "api").findings();
        assertThat(findings).extracting(Finding::severity)
                .containsExactly(Severity.ACTION_REQUIRED, Severity.WARNING);
        assertThat(findings.get(0).message()).contains("VPC endpoint service", "name=api-pls");
    }

    @Test
    void disabledPrivateLinkIsRemovedWithANote() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: api
                  annotations: {service.beta.kubernetes.io/azure-pls-name: api-pls}
                spec: {type: LoadBalancer, ports: [{port: 443}]}
                """, """
                apiVersion: v1
                kind: Service
                metadata: {name: api}
                spec: {type: LoadBalancer, ports: [{port: 443}]}
                """);
        assertThat(RuleHarness.changeFor(proposal, "Service", "api").findings())
                .extracting(Finding::severity).containsExactly(Severity.INFO);
    }
}
