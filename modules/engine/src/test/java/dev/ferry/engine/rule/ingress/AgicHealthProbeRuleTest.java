package dev.ferry.engine.rule.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class AgicHealthProbeRuleTest {

    private final RuleHarness harness = RuleHarness.of(new AgicHealthProbeRule());

    @Test
    void mapsEveryProbeAnnotation() {
        harness.rewriteRun("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                  annotations:
                    appgw.ingress.kubernetes.io/health-probe-path: /healthz
                    appgw.ingress.kubernetes.io/health-probe-port: "8080"
                    appgw.ingress.kubernetes.io/health-probe-interval: "20"
                    appgw.ingress.kubernetes.io/health-probe-timeout: "10"
                    appgw.ingress.kubernetes.io/health-probe-unhealthy-threshold: "3"
                    appgw.ingress.kubernetes.io/health-probe-status-codes: "200-399"
                spec: {ingressClassName: azure-application-gateway}
                """, """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                  annotations:
                    alb.ingress.kubernetes.io/healthcheck-path: /healthz
                    alb.ingress.kubernetes.io/healthcheck-port: "8080"
                    alb.ingress.kubernetes.io/healthcheck-interval-seconds: "20"
                    alb.ingress.kubernetes.io/healthcheck-timeout-seconds: "10"
                    alb.ingress.kubernetes.io/unhealthy-threshold-count: "3"
                    alb.ingress.kubernetes.io/success-codes: "200-399"
                spec: {ingressClassName: azure-application-gateway}
                """);
    }

    @Test
    void keepsAgicDefaultSuccessCodesAndNotesPodProbes() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: web}
                spec: {ingressClassName: azure-application-gateway}
                """, """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                  annotations: {alb.ingress.kubernetes.io/success-codes: "200-399"}
                spec: {ingressClassName: azure-application-gateway}
                """);
        assertThat(Findings.messages(proposal, "Ingress", "web", Severity.INFO)).singleElement()
                .asString().contains("do not read pod probes");
    }

    @Test
    void clampsValuesIntoAlbRangesAndWarnsOnTimeoutNotBelowInterval() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                  annotations:
                    appgw.ingress.kubernetes.io/health-probe-path: /
                    appgw.ingress.kubernetes.io/health-probe-interval: "3"
                    appgw.ingress.kubernetes.io/health-probe-timeout: "3"
                    appgw.ingress.kubernetes.io/health-probe-unhealthy-threshold: "20"
                    appgw.ingress.kubernetes.io/health-probe-status-codes: "200, 401"
                spec: {ingressClassName: azure-application-gateway}
                """, """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                  annotations:
                    alb.ingress.kubernetes.io/healthcheck-path: /
                    alb.ingress.kubernetes.io/healthcheck-interval-seconds: "5"
                    alb.ingress.kubernetes.io/healthcheck-timeout-seconds: "3"
                    alb.ingress.kubernetes.io/unhealthy-threshold-count: "10"
                    alb.ingress.kubernetes.io/success-codes: "200,401"
                spec: {ingressClassName: azure-application-gateway}
                """);
        assertThat(Findings.messages(proposal, "Ingress", "web", Severity.WARNING))
                .anyMatch(m -> m.contains("health-probe-interval: 3") && m.contains("5-300"))
                .anyMatch(m -> m.contains("unhealthy-threshold: 20"))
                .noneMatch(m -> m.contains("must be shorter"));
    }

    @Test
    void warnsWhenTimeoutIsNotShorterThanInterval() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                  annotations:
                    appgw.ingress.kubernetes.io/health-probe-path: /
                    appgw.ingress.kubernetes.io/health-probe-interval: "30"
                    appgw.ingress.kubernetes.io/health-probe-timeout: "30"
                spec: {ingressClassName: azure-application-gateway}
                """, """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                  annotations:
                    alb.ingress.kubernetes.io/healthcheck-path: /
                    alb.ingress.kubernetes.io/healthcheck-interval-seconds: "30"
                    alb.ingress.kubernetes.io/healthcheck-timeout-seconds: "30"
                    alb.ingress.kubernetes.io/success-codes: "200-399"
                spec: {ingressClassName: azure-application-gateway}
                """);
        assertThat(Findings.messages(proposal, "Ingress", "web", Severity.WARNING)).singleElement()
                .asString().contains("must be shorter");
    }

    @Test
    void removesProbeHostnameWithActionRequired() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                  annotations:
                    appgw.ingress.kubernetes.io/health-probe-hostname: internal.example.com
                    appgw.ingress.kubernetes.io/health-probe-path: /status
                    appgw.ingress.kubernetes.io/health-probe-status-codes: "200-399,401"
                spec: {ingressClassName: azure-application-gateway}
                """, """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                  annotations:
                    alb.ingress.kubernetes.io/healthcheck-path: /status
                    alb.ingress.kubernetes.io/success-codes: "200-399"
                spec: {ingressClassName: azure-application-gateway}
                """);
        assertThat(Findings.messages(proposal, "Ingress", "web", Severity.ACTION_REQUIRED))
                .anyMatch(m -> m.contains("internal.example.com") && m.contains("Host header"))
                .anyMatch(m -> m.contains("mixes ranges and lists"));
    }

    @Test
    void reportsNonNumericValues() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                  annotations:
                    appgw.ingress.kubernetes.io/health-probe-path: /
                    appgw.ingress.kubernetes.io/health-probe-port: http
                spec: {ingressClassName: azure-application-gateway}
                """, """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                  annotations:
                    alb.ingress.kubernetes.io/healthcheck-path: /
                    alb.ingress.kubernetes.io/success-codes: "200-399"
                spec: {ingressClassName: azure-application-gateway}
                """);
        assertThat(Findings.messages(proposal, "Ingress", "web", Severity.ACTION_REQUIRED)).singleElement()
                .asString().contains("healthcheck-port");
    }

    @Test
    void leavesAlbIngressAlone() {
        harness.rewriteRun("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: web}
                spec: {ingressClassName: alb}
                """);
    }
}
