package dev.ferry.engine.rule.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgicBackendRewriteRuleTest {

    private final RuleHarness harness = RuleHarness.of(new AgicBackendRewriteRule());

    @Test
    void removesPathPrefixAndHostnameAndSuggestsTransformsPerService() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                  annotations:
                    appgw.ingress.kubernetes.io/backend-path-prefix: /test/
                    appgw.ingress.kubernetes.io/backend-hostname: internal.example.com
                spec:
                  ingressClassName: azure-application-gateway
                  rules:
                  - http:
                      paths:
                      - path: /hello/
                        pathType: Exact
                        backend: {service: {name: go-server, port: {number: 80}}}
                """, """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                spec:
                  ingressClassName: azure-application-gateway
                  rules:
                  - http:
                      paths:
                      - path: /hello/
                        pathType: Exact
                        backend: {service: {name: go-server, port: {number: 80}}}
                """);
        List<String> actions = Findings.messages(proposal, "Ingress", "web", Severity.ACTION_REQUIRED);
        assertThat(actions).singleElement().asString()
                .contains("alb.ingress.kubernetes.io/transforms.go-server")
                .contains("\"regex\":\"^/hello/(.*)$\",\"replace\":\"/test/$1\"")
                .contains("\"type\":\"host-header-rewrite\"", "\"replace\":\"internal.example.com\"")
                .contains("v2.14");
    }

    @Test
    void readsLegacyBackendFieldsAndEscapesRegex() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: extensions/v1beta1
                kind: Ingress
                metadata:
                  name: web
                  annotations:
                    kubernetes.io/ingress.class: azure/application-gateway
                    appgw.ingress.kubernetes.io/backend-path-prefix: /
                spec:
                  rules:
                  - http:
                      paths:
                      - path: /v1.0/*
                        backend: {serviceName: api, servicePort: 80}
                """, """
                apiVersion: extensions/v1beta1
                kind: Ingress
                metadata:
                  name: web
                  annotations:
                    kubernetes.io/ingress.class: azure/application-gateway
                spec:
                  rules:
                  - http:
                      paths:
                      - path: /v1.0/*
                        backend: {serviceName: api, servicePort: 80}
                """);
        assertThat(Findings.messages(proposal, "Ingress", "web", Severity.ACTION_REQUIRED)).singleElement()
                .asString().contains("transforms.api").contains("^/v1\\\\.0/(.*)$");
    }

    @Test
    void removesRewriteRuleSetsWithActionRequired() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                  annotations:
                    appgw.ingress.kubernetes.io/rewrite-rule-set: add-headers
                    appgw.ingress.kubernetes.io/rewrite-rule-set-custom-resource: my-rewrite
                spec: {ingressClassName: azure-application-gateway}
                """, """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                spec: {ingressClassName: azure-application-gateway}
                """);
        assertThat(Findings.messages(proposal, "Ingress", "web", Severity.ACTION_REQUIRED))
                .anyMatch(m -> m.contains("add-headers"))
                .anyMatch(m -> m.contains("AzureApplicationGatewayRewrite `my-rewrite`"));
    }

    @Test
    void leavesIngressWithoutRewritesAlone() {
        harness.rewriteRun("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: web}
                spec: {ingressClassName: azure-application-gateway}
                """);
    }
}
