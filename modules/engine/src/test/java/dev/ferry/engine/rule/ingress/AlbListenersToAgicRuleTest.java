package dev.ferry.engine.rule.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class AlbListenersToAgicRuleTest {

    private final RuleHarness harness = RuleHarness.of(new AlbListenersToAgicRule());

    @Test
    void mapsStandardListenersRedirectAndHttpsBackend() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: ui
                  annotations:
                    alb.ingress.kubernetes.io/listen-ports: '[{"HTTP": 80}, {"HTTPS": 443}]'
                    alb.ingress.kubernetes.io/ssl-redirect: "443"
                    alb.ingress.kubernetes.io/backend-protocol: HTTPS
                    alb.ingress.kubernetes.io/backend-protocol-version: HTTP1
                spec: {ingressClassName: alb}
                """, """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: ui
                  annotations:
                    appgw.ingress.kubernetes.io/ssl-redirect: "true"
                    appgw.ingress.kubernetes.io/backend-protocol: https
                spec: {ingressClassName: alb}
                """);
        assertThat(Findings.messages(proposal, "Ingress", "ui", Severity.WARNING))
                .anyMatch(m -> m.contains("appgw-trusted-root-certificate"));
    }

    @Test
    void mapsSingleNonStandardPortToOverride() {
        harness.rewriteRun("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: ui
                  annotations: {alb.ingress.kubernetes.io/listen-ports: '[{"HTTP": 8080}]'}
                spec: {ingressClassName: alb}
                """, """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: ui
                  annotations: {appgw.ingress.kubernetes.io/override-frontend-port: "8080"}
                spec: {ingressClassName: alb}
                """);
    }

    @Test
    void requiresActionForGrpcAndSeveralPorts() {
        Proposal proposal = harness.run("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: ui
                  annotations:
                    alb.ingress.kubernetes.io/listen-ports: '[{"HTTP": 8080}, {"HTTPS": 8443}]'
                    alb.ingress.kubernetes.io/backend-protocol-version: GRPC
                spec: {ingressClassName: alb}
                """);
        assertThat(Findings.messages(proposal, "Ingress", "ui", Severity.ACTION_REQUIRED)).hasSize(2)
                .anyMatch(m -> m.contains("GRPCRoute")).anyMatch(m -> m.contains("[8080, 8443]"));
    }

    @Test
    void asksForRedirectExtensionOnAgc() {
        Proposal proposal = harness.settings(RuleHarness.EKS_TO_AKS_SETTINGS + "ingress: {controller: agc}\n").rewriteRun("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: ui
                  annotations: {alb.ingress.kubernetes.io/ssl-redirect: "443"}
                spec: {ingressClassName: alb}
                """, """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: ui}
                spec: {ingressClassName: alb}
                """);
        assertThat(Findings.messages(proposal, "Ingress", "ui", Severity.ACTION_REQUIRED))
                .singleElement().asString().contains("IngressExtension");
    }
}
