package dev.ferry.engine.rule.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class AgicListenersRuleTest {

    private final RuleHarness harness = RuleHarness.of(new AgicListenersRule());

    @Test
    void mapsSslRedirectWithTlsToRedirectAndBothListeners() {
        harness.rewriteRun("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                  annotations: {appgw.ingress.kubernetes.io/ssl-redirect: "true"}
                spec:
                  ingressClassName: azure-application-gateway
                  tls: [{hosts: [shop.example.com], secretName: shop-tls}]
                """, """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                  annotations:
                    alb.ingress.kubernetes.io/ssl-redirect: "443"
                    alb.ingress.kubernetes.io/listen-ports: '[{"HTTP":80},{"HTTPS":443}]'
                spec:
                  ingressClassName: azure-application-gateway
                  tls: [{hosts: [shop.example.com], secretName: shop-tls}]
                """);
    }

    @Test
    void keepsHttpListenerNextToHttpsWhenTlsWithoutRedirect() {
        harness.rewriteRun("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                  annotations: {appgw.ingress.kubernetes.io/appgw-ssl-certificate: shop-cert}
                spec: {ingressClassName: azure-application-gateway}
                """, """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                  annotations:
                    appgw.ingress.kubernetes.io/appgw-ssl-certificate: shop-cert
                    alb.ingress.kubernetes.io/listen-ports: '[{"HTTP":80},{"HTTPS":443}]'
                spec: {ingressClassName: azure-application-gateway}
                """);
    }

    @Test
    void mapsOverrideFrontendPortOnHttp() {
        harness.rewriteRun("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                  annotations: {appgw.ingress.kubernetes.io/override-frontend-port: "8080"}
                spec: {ingressClassName: azure-application-gateway}
                """, """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                  annotations: {alb.ingress.kubernetes.io/listen-ports: '[{"HTTP":8080}]'}
                spec: {ingressClassName: azure-application-gateway}
                """);
    }

    @Test
    void mapsOverrideFrontendPortOnHttpsAndRedirectsThere() {
        harness.rewriteRun("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                  annotations:
                    appgw.ingress.kubernetes.io/override-frontend-port: "8443"
                    appgw.ingress.kubernetes.io/ssl-redirect: "true"
                spec:
                  ingressClassName: azure-application-gateway
                  tls: [{secretName: shop-tls}]
                """, """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                  annotations:
                    alb.ingress.kubernetes.io/listen-ports: '[{"HTTP":80},{"HTTPS":8443}]'
                    alb.ingress.kubernetes.io/ssl-redirect: "8443"
                spec:
                  ingressClassName: azure-application-gateway
                  tls: [{secretName: shop-tls}]
                """);
    }

    @Test
    void dropsSslRedirectWithoutTlsAndWarns() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                  annotations: {appgw.ingress.kubernetes.io/ssl-redirect: "true"}
                spec: {ingressClassName: azure-application-gateway}
                """, """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                spec: {ingressClassName: azure-application-gateway}
                """);
        assertThat(Findings.messages(proposal, "Ingress", "web", Severity.WARNING)).singleElement()
                .asString().contains("no TLS");
    }

    @Test
    void sslRedirectFalseOnlyRemovesTheKey() {
        harness.rewriteRun("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                  annotations: {appgw.ingress.kubernetes.io/ssl-redirect: "false", a: b}
                spec: {ingressClassName: azure-application-gateway}
                """, """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                  annotations: {a: b}
                spec: {ingressClassName: azure-application-gateway}
                """);
    }

    @Test
    void leavesPlainHttpIngressAlone() {
        harness.rewriteRun("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: web}
                spec: {ingressClassName: azure-application-gateway}
                """);
    }
}
