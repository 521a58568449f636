package dev.ferry.engine.rule.loadbalancer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class NlbFrontendToAzureLbRuleTest {

    private final RuleHarness harness = RuleHarness.of(new NlbFrontendToAzureLbRule());

    @Test
    void mapsPrivateIpTagsAndSourceRanges() {
        harness.rewriteRun("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: api
                  annotations:
                    service.beta.kubernetes.io/aws-load-balancer-private-ipv4-addresses: 10.0.1.10
                    service.beta.kubernetes.io/aws-load-balancer-additional-resource-tags: team=shop,env=prod
                    service.beta.kubernetes.io/load-balancer-source-ranges: 10.0.0.0/8, 192.168.0.0/16
                spec: {type: LoadBalancer}
                """, """
                apiVersion: v1
                kind: Service
                metadata:
                  name: api
                  annotations:
                    service.beta.kubernetes.io/azure-load-balancer-ipv4: 10.0.1.10
                    service.beta.kubernetes.io/azure-pip-tags: team=shop,env=prod
                spec: {type: LoadBalancer, loadBalancerSourceRanges: [10.0.0.0/8, 192.168.0.0/16]}
                """);
    }

    @Test
    void requiresActionForElasticIpsAndPrefixLists() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: ui
                  annotations:
                    service.beta.kubernetes.io/aws-load-balancer-eip-allocations: eipalloc-1,eipalloc-2
                    service.beta.kubernetes.io/aws-load-balancer-security-group-prefix-lists: pl-123
                spec: {type: LoadBalancer, loadBalancerClass: service.k8s.aws/nlb}
                """, """
                apiVersion: v1
                kind: Service
                metadata: {name: ui}
                spec: {type: LoadBalancer, loadBalancerClass: service.k8s.aws/nlb}
                """);
        assertThat(NlbFindings.messages(proposal, "Service", "ui", Severity.ACTION_REQUIRED)).hasSize(2)
                .anyMatch(m -> m.contains("azure-pip-name") && m.contains("shop-rg"))
                .anyMatch(m -> m.contains("azure-allowed-service-tags"));
    }
}
