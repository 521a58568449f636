package dev.ferry.engine.rule.loadbalancer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class NlbHealthCheckToAzureProbeRuleTest {

    private final RuleHarness harness = RuleHarness.of(new NlbHealthCheckToAzureProbeRule());

    @Test
    void mapsHealthCheckAnnotations() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: ui
                  annotations:
                    service.beta.kubernetes.io/aws-load-balancer-healthcheck-protocol: http
                    service.beta.kubernetes.io/aws-load-balancer-healthcheck-path: /healthz
                    service.beta.kubernetes.io/aws-load-balancer-healthcheck-interval: "10"
                    service.beta.kubernetes.io/aws-load-balancer-healthcheck-unhealthy-threshold: "3"
                    service.beta.kubernetes.io/aws-load-balancer-healthcheck-port: admin
                    service.beta.kubernetes.io/aws-load-balancer-healthcheck-timeout: "6"
                spec:
                  type: LoadBalancer
                  loadBalancerClass: service.k8s.aws/nlb
                  ports: [{name: http, port: 80}, {name: admin, port: 9000}]
                """, """
                apiVersion: v1
                kind: Service
                metadata:
                  name: ui
                  annotations:
                    service.beta.kubernetes.io/azure-load-balancer-health-probe-protocol: Http
                    service.beta.kubernetes.io/azure-load-balancer-health-probe-request-path: /healthz
                    service.beta.kubernetes.io/azure-load-balancer-health-probe-interval: "10"
                    service.beta.kubernetes.io/azure-load-balancer-health-probe-num-of-probe: "3"
                    service.beta.kubernetes.io/port_80_health-probe_port: "9000"
                    service.beta.kubernetes.io/port_9000_health-probe_port: "9000"
                spec:
                  type: LoadBalancer
                  loadBalancerClass: service.k8s.aws/nlb
                  ports: [{name: http, port: 80}, {name: admin, port: 9000}]
                """);
        assertThat(NlbFindings.messages(proposal, "Service", "ui", Severity.INFO)).singleElement().asString()
                .contains("healthcheck-timeout=6");
    }

    @Test
    void clampsIntervalAndDropsTrafficPort() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: ui
                  annotations:
                    service.beta.kubernetes.io/aws-load-balancer-healthcheck-interval: "2"
                    service.beta.kubernetes.io/aws-load-balancer-healthcheck-port: traffic-port
                spec: {type: LoadBalancer}
                """, """
                apiVersion: v1
                kind: Service
                metadata:
                  name: ui
                  annotations: {service.beta.kubernetes.io/azure-load-balancer-health-probe-interval: "5"}
                spec: {type: LoadBalancer}
                """);
        assertThat(NlbFindings.messages(proposal, "Service", "ui", Severity.WARNING)).hasSize(1);
    }
}
