package dev.ferry.engine.rule.ingress;

import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class AlbTargetTypeIpRuleTest {

    private final RuleHarness harness = RuleHarness.of(new AlbTargetTypeIpRule());

    @Test
    void setsTargetTypeIpOnAgicIngress() {
        harness.rewriteRun("""
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
                  annotations: {alb.ingress.kubernetes.io/target-type: ip}
                spec: {ingressClassName: azure-application-gateway}
                """);
    }

    @Test
    void keepsExplicitInstanceTargetType() {
        harness.rewriteRun("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                  annotations: {alb.ingress.kubernetes.io/target-type: instance}
                spec: {ingressClassName: azure-application-gateway}
                """);
    }

    @Test
    void leavesNonAgicIngressAlone() {
        harness.rewriteRun("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: web}
                spec: {ingressClassName: alb}
                """);
    }
}
