package dev.ferry.engine.rule.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class AlbHealthCheckToAgicRuleTest {

    private final RuleHarness harness = RuleHarness.of(new AlbHealthCheckToAgicRule());

    @Test
    void mapsEveryHealthCheckAnnotation() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: ui
                  annotations:
                    alb.ingress.kubernetes.io/healthcheck-path: /actuator/health
                    alb.ingress.kubernetes.io/healthcheck-port: "8081"
                    alb.ingress.kubernetes.io/healthcheck-protocol: HTTPS
                    alb.ingress.kubernetes.io/healthcheck-interval-seconds: "20"
                    alb.ingress.kubernetes.io/healthcheck-timeout-seconds: "4"
                    alb.ingress.kubernetes.io/unhealthy-threshold-count: "3"
                    alb.ingress.kubernetes.io/healthy-threshold-count: "2"
                    alb.ingress.kubernetes.io/success-codes: 200-299
                spec: {ingressClassName: alb}
                """, """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: ui
                  annotations:
                    appgw.ingress.kubernetes.io/health-probe-path: /actuator/health
                    appgw.ingress.kubernetes.io/health-probe-port: "8081"
                    appgw.ingress.kubernetes.io/health-probe-interval: "20"
                    appgw.ingress.kubernetes.io/health-probe-timeout: "4"
                    appgw.ingress.kubernetes.io/health-probe-unhealthy-threshold: "3"
                    appgw.ingress.kubernetes.io/health-probe-status-codes: 200-299
                spec: {ingressClassName: alb}
                """);
        assertThat(Findings.messages(proposal, "Ingress", "ui", Severity.WARNING)).anyMatch(m -> m.contains("HTTPS"));
        assertThat(Findings.messages(proposal, "Ingress", "ui", Severity.INFO)).anyMatch(m -> m.contains("healthy-threshold"));
    }

    @Test
    void reportsDefaultsThatDifferWhenNoPathIsSet() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: ui
                  annotations: {alb.ingress.kubernetes.io/healthcheck-port: traffic-port}
                spec: {ingressClassName: alb}
                """, """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: ui}
                spec: {ingressClassName: alb}
                """);
        assertThat(RuleHarness.changeFor(proposal, "Ingress", "ui").rationale()).contains("interval 30 s");
        assertThat(Findings.messages(proposal, "Ingress", "ui", Severity.INFO)).anyMatch(m -> m.contains("readiness"));
    }

    @Test
    void asksForHealthCheckPolicyOnAgc() {
        Proposal proposal = harness.settings(RuleHarness.EKS_TO_AKS_SETTINGS + "ingress: {controller: agc}\n").rewriteRun("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: ui
                  annotations: {alb.ingress.kubernetes.io/healthcheck-path: /healthz}
                spec: {ingressClassName: alb}
                """, """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: ui}
                spec: {ingressClassName: alb}
                """);
        assertThat(Findings.messages(proposal, "Ingress", "ui", Severity.ACTION_REQUIRED))
                .singleElement().asString().contains("HealthCheckPolicy").contains("healthcheck-path=/healthz");
    }

    @Test
    void requiresActionForNamedPort() {
        Proposal proposal = harness.run("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: ui
                  annotations: {alb.ingress.kubernetes.io/healthcheck-port: http-admin}
                spec: {ingressClassName: alb}
                """);
        assertThat(Findings.messages(proposal, "Ingress", "ui", Severity.ACTION_REQUIRED)).anyMatch(m -> m.contains("named"));
    }
}
