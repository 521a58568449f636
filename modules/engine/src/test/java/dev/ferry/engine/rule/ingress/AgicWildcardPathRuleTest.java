package dev.ferry.engine.rule.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class AgicWildcardPathRuleTest {

    private final RuleHarness harness = RuleHarness.of(new AgicWildcardPathRule());

    @Test
    void makesWildcardPrefixAndExactPathsImplementationSpecific() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: web}
                spec:
                  ingressClassName: azure-application-gateway
                  rules:
                  - http:
                      paths:
                      - {path: /index.html, pathType: Exact, backend: {service: {name: a, port: {number: 80}}}}
                      - {path: /*, pathType: Prefix, backend: {service: {name: a, port: {number: 80}}}}
                  - host: api.example.com
                    http:
                      paths:
                      - {path: /v1/*, pathType: Exact, backend: {service: {name: b, port: {number: 80}}}}
                """, """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: web}
                spec:
                  ingressClassName: azure-application-gateway
                  rules:
                  - http:
                      paths:
                      - {path: /index.html, pathType: Exact, backend: {service: {name: a, port: {number: 80}}}}
                      - {path: /*, pathType: ImplementationSpecific, backend: {service: {name: a, port: {number: 80}}}}
                  - host: api.example.com
                    http:
                      paths:
                      - {path: /v1/*, pathType: ImplementationSpecific, backend: {service: {name: b, port: {number: 80}}}}
                """);
        assertThat(Findings.messages(proposal, "Ingress", "web", Severity.INFO)).singleElement()
                .asString().contains("/* (Prefix)", "/v1/* (Exact)");
    }

    @Test
    void leavesPathsWithoutWildcardOrAlreadyImplementationSpecificAlone() {
        harness.rewriteRun("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: web}
                spec:
                  ingressClassName: azure-application-gateway
                  rules:
                  - http:
                      paths:
                      - {path: /, pathType: Prefix, backend: {service: {name: a, port: {number: 80}}}}
                      - {path: /x/*, pathType: ImplementationSpecific, backend: {service: {name: a, port: {number: 80}}}}
                """);
    }

    @Test
    void leavesNginxWildcardsAlone() {
        harness.rewriteRun("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: web}
                spec:
                  ingressClassName: nginx
                  rules:
                  - http:
                      paths:
                      - {path: /*, pathType: Prefix, backend: {service: {name: a, port: {number: 80}}}}
                """);
    }
}
