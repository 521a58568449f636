package dev.ferry.engine.rule.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class AgicTargetGroupAttributesRuleTest {

    private final RuleHarness harness = RuleHarness.of(new AgicTargetGroupAttributesRule());

    @Test
    void combinesAffinityAndDrainingIntoOneAnnotation() {
        harness.rewriteRun("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                  annotations:
                    appgw.ingress.kubernetes.io/cookie-based-affinity: "true"
                    appgw.ingress.kubernetes.io/connection-draining: "true"
                    appgw.ingress.kubernetes.io/connection-draining-timeout: "60"
                spec: {ingressClassName: azure-application-gateway}
                """, """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                  annotations:
                    alb.ingress.kubernetes.io/target-group-attributes: stickiness.enabled=true,stickiness.type=lb_cookie,stickiness.lb_cookie.duration_seconds=86400,deregistration_delay.timeout_seconds=60
                spec: {ingressClassName: azure-application-gateway}
                """);
    }

    @Test
    void usesAgicDefaultDrainTimeoutOfThirtySeconds() {
        harness.rewriteRun("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                  annotations: {appgw.ingress.kubernetes.io/connection-draining: "True"}
                spec: {ingressClassName: azure-application-gateway}
                """, """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                  annotations: {alb.ingress.kubernetes.io/target-group-attributes: deregistration_delay.timeout_seconds=30}
                spec: {ingressClassName: azure-application-gateway}
                """);
    }

    @Test
    void notesAlbDrainingWhenAgicDidNotDrain() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: web}
                spec: {ingressClassName: azure-application-gateway}
                """);
        assertThat(Findings.messages(proposal, "Ingress", "web", Severity.INFO)).singleElement()
                .asString().contains("300 s", "deregistration_delay.timeout_seconds=0");
    }

    @Test
    void mergesIntoExistingAlbAttributesAndWarnsOnDistinctCookieNames() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                  annotations:
                    alb.ingress.kubernetes.io/target-group-attributes: slow_start.duration_seconds=30
                    appgw.ingress.kubernetes.io/cookie-based-affinity: "true"
                    appgw.ingress.kubernetes.io/cookie-based-affinity-distinct-name: "true"
                spec: {ingressClassName: azure-application-gateway}
                """, """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                  annotations:
                    alb.ingress.kubernetes.io/target-group-attributes: slow_start.duration_seconds=30,stickiness.enabled=true,stickiness.type=lb_cookie,stickiness.lb_cookie.duration_seconds=86400
                spec: {ingressClassName: azure-application-gateway}
                """);
        assertThat(Findings.messages(proposal, "Ingress", "web", Severity.WARNING)).singleElement()
                .asString().contains("distinct-name");
    }

    @Test
    void removesAffinityFalseAndIgnoredTimeoutWithoutAttributes() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                  annotations:
                    appgw.ingress.kubernetes.io/cookie-based-affinity: "false"
                    appgw.ingress.kubernetes.io/connection-draining-timeout: "45"
                spec: {ingressClassName: azure-application-gateway}
                """, """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                spec: {ingressClassName: azure-application-gateway}
                """);
        assertThat(Findings.messages(proposal, "Ingress", "web", Severity.INFO))
                .anyMatch(m -> m.contains("had no effect"));
    }
}
