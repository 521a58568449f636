package dev.ferry.engine.rule.loadbalancer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class LbClientIpToTargetGroupRuleTest {

    private final RuleHarness harness = RuleHarness.of(new LbClientIpToTargetGroupRule());

    @Test
    void localPolicyAndClientIpAffinityBecomeTargetGroupAttributes() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: v1
                kind: Service
                metadata: {name: game}
                spec: {type: LoadBalancer, externalTrafficPolicy: Local, sessionAffinity: ClientIP, ports: [{port: 7777}]}
                """, """
                apiVersion: v1
                kind: Service
                metadata:
                  name: game
                  annotations:
                    service.beta.kubernetes.io/aws-load-balancer-target-group-attributes: preserve_client_ip.enabled=true,stickiness.enabled=true,stickiness.type=source_ip
                spec: {type: LoadBalancer, externalTrafficPolicy: Local, sessionAffinity: ClientIP, ports: [{port: 7777}]}
                """);
        assertThat(RuleHarness.changeFor(proposal, "Service", "game").summary())
                .isEqualTo("Keep client IP and source-IP affinity on the NLB target group");
    }

    @Test
    void affinityAloneBecomesStickiness() {
        harness.rewriteRun("""
                apiVersion: v1
                kind: Service
                metadata: {name: game}
                spec: {type: LoadBalancer, sessionAffinity: ClientIP, ports: [{port: 7777}]}
                """, """
                apiVersion: v1
                kind: Service
                metadata:
                  name: game
                  annotations:
                    service.beta.kubernetes.io/aws-load-balancer-target-group-attributes: stickiness.enabled=true,stickiness.type=source_ip
                spec: {type: LoadBalancer, sessionAffinity: ClientIP, ports: [{port: 7777}]}
                """);
    }

    @Test
    void leavesClusterPolicyAndExistingAttributesAlone() {
        harness.rewriteRun("""
                apiVersion: v1
                kind: Service
                metadata: {name: web}
                spec: {type: LoadBalancer, externalTrafficPolicy: Cluster, ports: [{port: 80}]}
                ---
                apiVersion: v1
                kind: Service
                metadata:
                  name: game
                  annotations: {service.beta.kubernetes.io/aws-load-balancer-target-group-attributes: preserve_client_ip.enabled=false}
                spec: {type: LoadBalancer, externalTrafficPolicy: Local, ports: [{port: 7777}]}
                """);
    }
}
