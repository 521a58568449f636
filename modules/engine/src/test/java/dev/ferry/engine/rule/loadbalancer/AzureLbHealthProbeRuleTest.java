package dev.ferry.engine.rule.loadbalancer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Finding;
import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class AzureLbHealthProbeRuleTest {

    private final RuleHarness harness = RuleHarness.of(new AzureLbHealthProbeRule());

    @Test
    void mapsEveryGlobalProbeAnnotation() {
        harness.rewriteRun("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                  annotations:
                    service.beta.kubernetes.io/azure-load-balancer-health-probe-protocol: Http
                    service.beta.kubernetes.io/azure-load-balancer-health-probe-request-path: /healthz
                    service.beta.kubernetes.io/azure-load-balancer-health-probe-interval: "15"
                    service.beta.kubernetes.io/azure-load-balancer-health-probe-num-of-probe: "4"
                spec: {type: LoadBalancer, ports: [{port: 80}, {port: 443}]}
                """, """
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                  annotations:
                    service.beta.kubernetes.io/aws-load-balancer-healthcheck-protocol: http
                    service.beta.kubernetes.io/aws-load-balancer-healthcheck-path: /healthz
                    service.beta.kubernetes.io/aws-load-balancer-healthcheck-interval: "15"
                    service.beta.kubernetes.io/aws-load-balancer-healthcheck-unhealthy-threshold: "4"
                spec: {type: LoadBalancer, ports: [{port: 80}, {port: 443}]}
                """);
    }

    @Test
    void keepsAksProbeTimingWhenUnannotated() {
        harness.rewriteRun("""
                apiVersion: v1
                kind: Service
                metadata: {name: web}
                spec: {type: LoadBalancer, ports: [{port: 80}]}
                """, """
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                  annotations:
                    service.beta.kubernetes.io/aws-load-balancer-healthcheck-interval: "5"
                    service.beta.kubernetes.io/aws-load-balancer-healthcheck-unhealthy-threshold: "2"
                spec: {type: LoadBalancer, ports: [{port: 80}]}
                """);
    }

    @Test
    void usesPortSpecificProbeOfASinglePortService() {
        harness.rewriteRun("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                  annotations:
                    service.beta.kubernetes.io/azure-load-balancer-health-probe-request-path: /
                    service.beta.kubernetes.io/port_80_health-probe_protocol: Https
                    service.beta.kubernetes.io/port_80_health-probe_request-path: /ready
                spec: {type: LoadBalancer, ports: [{port: 80}]}
                """, """
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                  annotations:
                    service.beta.kubernetes.io/aws-load-balancer-healthcheck-protocol: https
                    service.beta.kubernetes.io/aws-load-balancer-healthcheck-path: /ready
                    service.beta.kubernetes.io/aws-load-balancer-healthcheck-interval: "5"
                    service.beta.kubernetes.io/aws-load-balancer-healthcheck-unhealthy-threshold: "2"
                spec: {type: LoadBalancer, ports: [{port: 80}]}
                """);
    }

    @Test
    void warnsOnPortSpecificProbesOfAMultiPortService() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                  annotations:
                    service.beta.kubernetes.io/port_443_health-probe_request-path: /tls-ready
                    service.beta.kubernetes.io/port_80_health-probe_port: "8080"
                spec: {type: LoadBalancer, ports: [{port: 80}, {port: 443}]}
                """, """
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                  annotations:
                    service.beta.kubernetes.io/aws-load-balancer-healthcheck-interval: "5"
                    service.beta.kubernetes.io/aws-load-balancer-healthcheck-unhealthy-threshold: "2"
                spec: {type: LoadBalancer, ports: [{port: 80}, {port: 443}]}
                """);
        assertThat(RuleHarness.changeFor(proposal, "Service", "web").findings())
                .extracting(Finding::severity).containsExactly(Severity.WARNING, Severity.WARNING);
    }

    @Test
    void clampsValuesOutsideTheNlbRange() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                  annotations:
                    service.beta.kubernetes.io/azure-load-balancer-health-probe-num-of-probe: "1"
                spec: {type: LoadBalancer, ports: [{port: 80}]}
                """, """
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                  annotations:
                    service.beta.kubernetes.io/aws-load-balancer-healthcheck-interval: "5"
                    service.beta.kubernetes.io/aws-load-balancer-healthcheck-unhealthy-threshold: "2"
                spec: {type: LoadBalancer, ports: [{port: 80}]}
                """);
        assertThat(RuleHarness.changeFor(proposal, "Service", "web").findings())
                .singleElement().satisfies(f -> assertThat(f.message()).contains("outside the NLB range"));
    }

    @Test
    void leavesExistingAwsHealthCheckAlone() {
        harness.rewriteRun("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                  annotations:
                    service.beta.kubernetes.io/aws-load-balancer-healthcheck-interval: "30"
                    service.beta.kubernetes.io/aws-load-balancer-healthcheck-unhealthy-threshold: "5"
                spec: {type: LoadBalancer, ports: [{port: 80}]}
                """);
    }

    @Test
    void doesNotImposeAksTimingOnAServiceWrittenForAws() {
        harness.rewriteRun("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: ui-nlb
                  annotations:
                    service.beta.kubernetes.io/aws-load-balancer-type: external
                    service.beta.kubernetes.io/aws-load-balancer-scheme: internet-facing
                spec: {type: LoadBalancer, ports: [{port: 80}]}
                """);
    }
}
