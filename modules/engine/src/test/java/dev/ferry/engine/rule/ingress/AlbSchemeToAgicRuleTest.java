package dev.ferry.engine.rule.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class AlbSchemeToAgicRuleTest {

    private final RuleHarness harness = RuleHarness.of(new AlbSchemeToAgicRule());

    @Test
    void mapsInternalToPrivateIp() {
        harness.rewriteRun("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: ui
                  annotations: {alb.ingress.kubernetes.io/scheme: internal}
                spec: {ingressClassName: alb}
                """, """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: ui
                  annotations: {appgw.ingress.kubernetes.io/use-private-ip: "true"}
                spec: {ingressClassName: alb}
                """);
    }

    @Test
    void keepsDefaultInternalSchemeExplicit() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: ui}
                spec: {ingressClassName: alb}
                """, """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: ui
                  annotations: {appgw.ingress.kubernetes.io/use-private-ip: "true"}
                spec: {ingressClassName: alb}
                """);
        assertThat(Findings.messages(proposal, "Ingress", "ui", Severity.INFO)).anyMatch(m -> m.contains("No ALB scheme"));
    }

    @Test
    void mapsInternetFacingToExplicitPublicFrontend() {
        harness.rewriteRun("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: ui
                  annotations: {alb.ingress.kubernetes.io/scheme: internet-facing}
                spec: {ingressClassName: alb}
                """, """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: ui
                  annotations: {appgw.ingress.kubernetes.io/use-private-ip: "false"}
                spec: {ingressClassName: alb}
                """);
    }

    @Test
    void requiresActionForInternalIngressOnAgc() {
        Proposal proposal = harness.settings(RuleHarness.EKS_TO_AKS_SETTINGS + "ingress: {controller: agc}\n").run("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: ui
                  annotations: {alb.ingress.kubernetes.io/scheme: internal}
                spec: {ingressClassName: alb}
                """);
        assertThat(Findings.messages(proposal, "Ingress", "ui", Severity.ACTION_REQUIRED))
                .singleElement().asString().contains("no private frontend");
    }
}
