package dev.ferry.engine.rule.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class AgicUnknownAnnotationsRuleTest {

    private final RuleHarness harness = RuleHarness.of(new AgicUnknownAnnotationsRule());

    @Test
    void removesUnknownAgicKeysAndLeavesKnownOnesToTheirRules() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                  annotations:
                    appgw.ingress.kubernetes.io/ssl-redirects: "true"
                    appgw.ingress.kubernetes.io/ssl-redirect: "true"
                spec: {ingressClassName: azure-application-gateway}
                """, """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                  annotations: {appgw.ingress.kubernetes.io/ssl-redirect: "true"}
                spec: {ingressClassName: azure-application-gateway}
                """);
        assertThat(Findings.messages(proposal, "Ingress", "web", Severity.ACTION_REQUIRED)).singleElement()
                .asString().contains("appgw.ingress.kubernetes.io/ssl-redirects");
    }

    @Test
    void leavesIngressWithOnlyKnownKeysAlone() {
        harness.rewriteRun("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                  annotations: {appgw.ingress.kubernetes.io/request-timeout: "30"}
                spec: {ingressClassName: azure-application-gateway}
                """);
    }
}
