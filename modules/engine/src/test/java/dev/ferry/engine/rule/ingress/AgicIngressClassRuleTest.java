package dev.ferry.engine.rule.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class AgicIngressClassRuleTest {

    private final RuleHarness harness = RuleHarness.of(new AgicIngressClassRule());

    @Test
    void movesLegacyAnnotationToIngressClassNameAlb() {
        harness.rewriteRun("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                  namespace: shop
                  annotations:
                    kubernetes.io/ingress.class: azure/application-gateway
                    team: web
                spec:
                  rules: [{host: shop.example.com}]
                """, """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                  namespace: shop
                  annotations:
                    team: web
                spec:
                  ingressClassName: alb
                  rules: [{host: shop.example.com}]
                """);
    }

    @Test
    void movesAzureApplicationGatewayClassNameToAlb() {
        harness.rewriteRun("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: web, namespace: shop}
                spec: {ingressClassName: azure-application-gateway}
                """, """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: web, namespace: shop}
                spec: {ingressClassName: alb}
                """);
    }

    @Test
    void movesCustomClassWhoseControllerIsAgic() {
        harness.rewriteRun("""
                apiVersion: networking.k8s.io/v1
                kind: IngressClass
                metadata: {name: other-gateway}
                spec: {controller: azure/application-gateway}
                ---
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: web, namespace: shop}
                spec: {ingressClassName: other-gateway}
                """, """
                apiVersion: networking.k8s.io/v1
                kind: IngressClass
                metadata: {name: other-gateway}
                spec: {controller: azure/application-gateway}
                ---
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: web, namespace: shop}
                spec: {ingressClassName: alb}
                """);
    }

    @Test
    void movesAgcClassToAlbWithWarning() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: web, namespace: shop}
                spec: {ingressClassName: azure-alb-external}
                """, """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: web, namespace: shop}
                spec: {ingressClassName: alb}
                """);
        assertThat(Findings.messages(proposal, "Ingress", "web", Severity.WARNING))
                .singleElement().asString().contains("Application Gateway for Containers");
    }

    @Test
    void movesClasslessIngressUnderDefaultAgicClass() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: networking.k8s.io/v1
                kind: IngressClass
                metadata:
                  name: azure-application-gateway
                  annotations: {ingressclass.kubernetes.io/is-default-class: "true"}
                spec: {controller: azure/application-gateway}
                ---
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: web, namespace: shop}
                spec: {}
                """, """
                apiVersion: networking.k8s.io/v1
                kind: IngressClass
                metadata:
                  name: azure-application-gateway
                  annotations: {ingressclass.kubernetes.io/is-default-class: "true"}
                spec: {controller: azure/application-gateway}
                ---
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: web, namespace: shop}
                spec: {ingressClassName: alb}
                """);
        assertThat(Findings.messages(proposal, "Ingress", "web", Severity.INFO)).singleElement()
                .asString().contains("named no class");
    }

    @Test
    void movesClasslessIngressCarryingAgicAnnotations() {
        harness.rewriteRun("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                  annotations: {appgw.ingress.kubernetes.io/ssl-redirect: "true"}
                """, """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                  annotations: {appgw.ingress.kubernetes.io/ssl-redirect: "true"}
                spec: {ingressClassName: alb}
                """);
    }

    @Test
    void leavesNginxAlbAndUnknownClassesAlone() {
        harness.rewriteRun("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: a, namespace: shop}
                spec: {ingressClassName: nginx}
                ---
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: b, namespace: shop}
                spec: {ingressClassName: alb}
                ---
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: c
                  namespace: shop
                  annotations: {kubernetes.io/ingress.class: custom-ingress-class}
                ---
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: d, namespace: shop}
                """);
    }
}
