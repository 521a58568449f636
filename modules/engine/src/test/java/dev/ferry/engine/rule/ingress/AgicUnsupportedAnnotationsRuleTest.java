package dev.ferry.engine.rule.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class AgicUnsupportedAnnotationsRuleTest {

    private final RuleHarness harness = RuleHarness.of(new AgicUnsupportedAnnotationsRule());

    @Test
    void removesTrustedRootHostnameExtensionAndRulePriority() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                  annotations:
                    appgw.ingress.kubernetes.io/appgw-trusted-root-certificate: backend-root
                    appgw.ingress.kubernetes.io/hostname-extension: "www.shop.example.com, *.shop.example.com"
                    appgw.ingress.kubernetes.io/rule-priority: "10"
                    keep: me
                spec: {ingressClassName: azure-application-gateway}
                """, """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                  annotations: {keep: me}
                spec: {ingressClassName: azure-application-gateway}
                """);
        assertThat(Findings.messages(proposal, "Ingress", "web", Severity.ACTION_REQUIRED)).singleElement()
                .asString().contains("*.shop.example.com");
        assertThat(Findings.messages(proposal, "Ingress", "web", Severity.WARNING))
                .anyMatch(m -> m.contains("backend-root"))
                .anyMatch(m -> m.contains("group.order"));
    }

    @Test
    void leavesNginxIngressWithAgicLookalikeKeysAlone() {
        harness.rewriteRun("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                  annotations: {appgw.ingress.kubernetes.io/rule-priority: "10"}
                spec: {ingressClassName: nginx}
                """);
    }
}
