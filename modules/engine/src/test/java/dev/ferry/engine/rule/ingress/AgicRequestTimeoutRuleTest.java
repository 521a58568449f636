package dev.ferry.engine.rule.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class AgicRequestTimeoutRuleTest {

    private final RuleHarness harness = RuleHarness.of(new AgicRequestTimeoutRule());

    @Test
    void mapsRequestTimeoutToIdleTimeoutWithWarning() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                  annotations: {appgw.ingress.kubernetes.io/request-timeout: "900"}
                spec: {ingressClassName: azure-application-gateway}
                """, """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                  annotations: {alb.ingress.kubernetes.io/load-balancer-attributes: idle_timeout.timeout_seconds=900}
                spec: {ingressClassName: azure-application-gateway}
                """);
        assertThat(Findings.messages(proposal, "Ingress", "web", Severity.WARNING)).singleElement()
                .asString().contains("approximate");
    }

    @Test
    void mergesIntoExistingLoadBalancerAttributesAndClamps() {
        harness.rewriteRun("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                  annotations:
                    appgw.ingress.kubernetes.io/request-timeout: "5000"
                    alb.ingress.kubernetes.io/load-balancer-attributes: routing.http2.enabled=false
                spec: {ingressClassName: azure-application-gateway}
                """, """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                  annotations:
                    alb.ingress.kubernetes.io/load-balancer-attributes: routing.http2.enabled=false,idle_timeout.timeout_seconds=4000
                spec: {ingressClassName: azure-application-gateway}
                """);
    }

    @Test
    void removesNonNumericTimeoutWithActionRequired() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                  annotations: {appgw.ingress.kubernetes.io/request-timeout: 30s}
                spec: {ingressClassName: azure-application-gateway}
                """, """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                spec: {ingressClassName: azure-application-gateway}
                """);
        assertThat(RuleHarness.changeFor(proposal, "Ingress", "web").needsAction()).isTrue();
    }

    @Test
    void leavesIngressWithoutTimeoutAlone() {
        harness.rewriteRun("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: web}
                spec: {ingressClassName: azure-application-gateway}
                """);
    }
}
