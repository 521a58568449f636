package dev.ferry.engine.rule.ingress;

import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class AlbIngressClassRuleTest {

    private final RuleHarness harness = RuleHarness.of(new AlbIngressClassRule());

    @Test
    void generatesAlbIngressClassOnceForSeveralAgicIngresses() {
        harness.rewriteRun("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: a, namespace: shop}
                spec: {ingressClassName: azure-application-gateway}
                ---
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: b
                  namespace: shop
                  annotations: {kubernetes.io/ingress.class: azure/application-gateway}
                """, """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: a, namespace: shop}
                spec: {ingressClassName: azure-application-gateway}
                ---
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: b
                  namespace: shop
                  annotations: {kubernetes.io/ingress.class: azure/application-gateway}
                ---
                apiVersion: networking.k8s.io/v1
                kind: IngressClass
                metadata: {name: alb}
                spec: {controller: ingress.k8s.aws/alb}
                """);
    }

    @Test
    void generatesAlbIngressClassForAgcIngress() {
        harness.rewriteRun("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: a, namespace: shop}
                spec: {ingressClassName: azure-alb-external}
                """, """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: a, namespace: shop}
                spec: {ingressClassName: azure-alb-external}
                ---
                apiVersion: networking.k8s.io/v1
                kind: IngressClass
                metadata: {name: alb}
                spec: {controller: ingress.k8s.aws/alb}
                """);
    }

    @Test
    void generatesNothingWithoutAgicIngress() {
        harness.rewriteRun("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: a, namespace: shop}
                spec: {ingressClassName: nginx}
                """);
    }

    @Test
    void keepsAnAlbIngressClassTheEstateAlreadyHas() {
        harness.rewriteRun("""
                apiVersion: networking.k8s.io/v1
                kind: IngressClass
                metadata: {name: alb}
                spec:
                  controller: ingress.k8s.aws/alb
                  parameters: {apiGroup: elbv2.k8s.aws, kind: IngressClassParams, name: shop}
                ---
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: a, namespace: shop}
                spec: {ingressClassName: azure-application-gateway}
                """);
    }
}
