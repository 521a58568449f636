package dev.ferry.engine.rule.loadbalancer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class NlbAttributesToAzureLbRuleTest {

    private final RuleHarness harness = RuleHarness.of(new NlbAttributesToAzureLbRule());

    @Test
    void convertsIdleTimeoutAndStickiness() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: mq
                  annotations:
                    service.beta.kubernetes.io/aws-load-balancer-listener-attributes.TCP-5672: tcp.idle_timeout.seconds=600
                    service.beta.kubernetes.io/aws-load-balancer-target-group-attributes: stickiness.enabled=true,stickiness.type=source_ip,deregistration_delay.timeout_seconds=30,preserve_client_ip.enabled=true
                    service.beta.kubernetes.io/aws-load-balancer-attributes: load_balancing.cross_zone.enabled=true
                spec: {type: LoadBalancer, loadBalancerClass: service.k8s.aws/nlb}
                """, """
                apiVersion: v1
                kind: Service
                metadata:
                  name: mq
                  annotations: {service.beta.kubernetes.io/azure-load-balancer-tcp-idle-timeout: "10"}
                spec: {type: LoadBalancer, loadBalancerClass: service.k8s.aws/nlb, sessionAffinity: ClientIP}
                """);
        assertThat(NlbFindings.messages(proposal, "Service", "mq", Severity.WARNING)).singleElement().asString()
                .contains("externalTrafficPolicy: Local");
        assertThat(NlbFindings.messages(proposal, "Service", "mq", Severity.INFO))
                .anyMatch(m -> m.contains("deregistration_delay")).anyMatch(m -> m.contains("zone-redundant"));
    }

    @Test
    void clampsShortIdleTimeoutToFourMinutes() {
        harness.rewriteRun("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: mq
                  annotations:
                    service.beta.kubernetes.io/aws-load-balancer-listener-attributes.TCP-80: tcp.idle_timeout.seconds=60
                spec: {type: LoadBalancer}
                """, """
                apiVersion: v1
                kind: Service
                metadata:
                  name: mq
                  annotations: {service.beta.kubernetes.io/azure-load-balancer-tcp-idle-timeout: "4"}
                spec: {type: LoadBalancer}
                """);
    }

    @Test
    void requiresActionForProxyProtocol() {
        Proposal proposal = harness.run("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: mq
                  namespace: shop
                  annotations: {service.beta.kubernetes.io/aws-load-balancer-proxy-protocol: "*"}
                spec: {type: LoadBalancer}
                """);
        assertThat(NlbFindings.messages(proposal, "Service", "mq", Severity.ACTION_REQUIRED)).singleElement().asString()
                .contains("Service shop/mq").contains("PROXY");
    }
}
