package dev.ferry.engine.rule.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class AlbUnsupportedAnnotationsRuleTest {

    @Test
    void removesAndReportsAlbOnlyAnnotationsNamingTheIngress() {
        Proposal proposal = RuleHarness.of(new AlbUnsupportedAnnotationsRule()).rewriteRun("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: ui
                  namespace: shop
                  annotations:
                    owner: shop-team
                    alb.ingress.kubernetes.io/scheme: internal
                    alb.ingress.kubernetes.io/actions.blue-green: '{"type":"forward"}'
                    alb.ingress.kubernetes.io/conditions.ui: '[{"field":"http-header"}]'
                    alb.ingress.kubernetes.io/auth-type: cognito
                    alb.ingress.kubernetes.io/group.name: shop
                    alb.ingress.kubernetes.io/group.order: "10"
                    alb.ingress.kubernetes.io/wafv2-acl-arn: arn:aws:wafv2:eu-west-1:111122223333:regional/webacl/x/y
                    alb.ingress.kubernetes.io/shield-advanced-protection: "true"
                    alb.ingress.kubernetes.io/target-type: instance
                    alb.ingress.kubernetes.io/inbound-cidrs: 10.0.0.0/8
                    alb.ingress.kubernetes.io/tags: team=shop
                    alb.ingress.kubernetes.io/brand-new: x
                spec: {ingressClassName: alb}
                """, """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: ui
                  namespace: shop
                  annotations:
                    owner: shop-team
                    alb.ingress.kubernetes.io/scheme: internal
                spec: {ingressClassName: alb}
                """);
        assertThat(Findings.messages(proposal, "Ingress", "ui", Severity.ACTION_REQUIRED)).hasSize(8)
                .allMatch(m -> m.startsWith("Ingress shop/ui:"))
                .anyMatch(m -> m.contains("HTTPRoute")).anyMatch(m -> m.contains("oauth2-proxy"))
                .anyMatch(m -> m.contains("waf-policy-for-path")).anyMatch(m -> m.contains("DDoS"))
                .anyMatch(m -> m.contains("pod IPs"));
        assertThat(Findings.messages(proposal, "Ingress", "ui", Severity.WARNING)).hasSize(2)
                .anyMatch(m -> m.contains("brand-new"));
        assertThat(Findings.messages(proposal, "Ingress", "ui", Severity.INFO)).singleElement().asString().contains("tags");
    }

    @Test
    void leavesOtherIngressesAlone() {
        RuleHarness.of(new AlbUnsupportedAnnotationsRule()).rewriteRun("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: ui
                  annotations: {nginx.ingress.kubernetes.io/rewrite-target: /}
                spec: {ingressClassName: nginx}
                """);
    }
}
