package dev.ferry.engine.rule.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class AlbAttributesToAgicRuleTest {

    private final RuleHarness harness = RuleHarness.of(new AlbAttributesToAgicRule());

    @Test
    void mapsStickinessDrainingAndIdleTimeout() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: ui
                  annotations:
                    alb.ingress.kubernetes.io/target-group-attributes: stickiness.enabled=true,stickiness.type=lb_cookie,deregistration_delay.timeout_seconds=30,slow_start.duration_seconds=30
                    alb.ingress.kubernetes.io/load-balancer-attributes: idle_timeout.timeout_seconds=120,deletion_protection.enabled=true
                spec: {ingressClassName: alb}
                """, """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: ui
                  annotations:
                    appgw.ingress.kubernetes.io/cookie-based-affinity: "true"
                    appgw.ingress.kubernetes.io/connection-draining: "true"
                    appgw.ingress.kubernetes.io/connection-draining-timeout: "30"
                    appgw.ingress.kubernetes.io/request-timeout: "120"
                spec: {ingressClassName: alb}
                """);
        assertThat(Findings.messages(proposal, "Ingress", "ui", Severity.WARNING)).hasSize(2)
                .anyMatch(m -> m.contains("slow_start")).anyMatch(m -> m.contains("resource lock"));
    }

    @Test
    void reportsDrainingDefaultThatDiffers() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: ui}
                spec: {ingressClassName: alb}
                """);
        assertThat(Findings.messages(proposal, "Ingress", "ui", Severity.INFO)).singleElement().asString()
                .contains("300 s");
    }

    @Test
    void asksForIngressExtensionOnAgc() {
        Proposal proposal = harness.settings(RuleHarness.EKS_TO_AKS_SETTINGS + "ingress: {controller: agc}\n").run("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: ui
                  annotations: {alb.ingress.kubernetes.io/target-group-attributes: stickiness.enabled=true}
                spec: {ingressClassName: alb}
                """);
        assertThat(Findings.messages(proposal, "Ingress", "ui", Severity.ACTION_REQUIRED)).singleElement().asString()
                .contains("IngressExtension").contains("cookie-based-affinity=true");
    }
}
