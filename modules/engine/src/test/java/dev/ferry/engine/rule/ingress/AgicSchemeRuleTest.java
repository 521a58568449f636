package dev.ferry.engine.rule.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class AgicSchemeRuleTest {

    private final RuleHarness harness = RuleHarness.of(new AgicSchemeRule());

    @Test
    void makesDefaultAgicIngressInternetFacing() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: web, namespace: shop}
                spec: {ingressClassName: azure-application-gateway}
                """, """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                  namespace: shop
                  annotations: {alb.ingress.kubernetes.io/scheme: internet-facing}
                spec: {ingressClassName: azure-application-gateway}
                """);
        assertThat(RuleHarness.changeFor(proposal, "Ingress", "web").rationale()).contains("internal");
    }

    @Test
    void mapsUsePrivateIpToInternal() {
        harness.rewriteRun("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                  namespace: shop
                  annotations: {appgw.ingress.kubernetes.io/use-private-ip: "true"}
                spec: {ingressClassName: azure-application-gateway}
                """, """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                  namespace: shop
                  annotations: {alb.ingress.kubernetes.io/scheme: internal}
                spec: {ingressClassName: azure-application-gateway}
                """);
    }

    @Test
    void mapsUsePrivateIpFalseToInternetFacing() {
        harness.rewriteRun("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                  annotations:
                    kubernetes.io/ingress.class: azure/application-gateway
                    appgw.ingress.kubernetes.io/use-private-ip: "false"
                """, """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                  annotations:
                    kubernetes.io/ingress.class: azure/application-gateway
                    alb.ingress.kubernetes.io/scheme: internet-facing
                """);
    }

    @Test
    void warnsOnNonBooleanUsePrivateIp() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                  annotations: {appgw.ingress.kubernetes.io/use-private-ip: "yes"}
                spec: {ingressClassName: azure-application-gateway}
                """, """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                  annotations: {alb.ingress.kubernetes.io/scheme: internet-facing}
                spec: {ingressClassName: azure-application-gateway}
                """);
        assertThat(Findings.messages(proposal, "Ingress", "web", Severity.WARNING)).singleElement()
                .asString().contains("not a boolean");
    }

    @Test
    void keepsSchemeAlreadySetForAlb() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                  annotations: {alb.ingress.kubernetes.io/scheme: internal}
                spec: {ingressClassName: azure-application-gateway}
                """);
        assertThat(Findings.messages(proposal, "Ingress", "web", Severity.INFO)).anyMatch(m -> m.contains("Kept"));
    }

    @Test
    void leavesNginxIngressAlone() {
        harness.rewriteRun("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: web}
                spec: {ingressClassName: nginx}
                """);
    }
}
