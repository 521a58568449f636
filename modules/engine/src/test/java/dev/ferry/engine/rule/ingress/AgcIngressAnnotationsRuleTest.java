package dev.ferry.engine.rule.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class AgcIngressAnnotationsRuleTest {

    private final RuleHarness harness = RuleHarness.of(new AgcIngressAnnotationsRule());

    @Test
    void removesAgcAnnotationsAndFlagsIngressExtension() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                  annotations:
                    alb.networking.azure.io/alb-name: alb-test
                    alb.networking.azure.io/alb-namespace: alb-infra
                    alb.networking.azure.io/alb-ingress-extension: header-rewrite
                spec: {ingressClassName: azure-alb-external}
                """, """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                spec: {ingressClassName: azure-alb-external}
                """);
        assertThat(Findings.messages(proposal, "Ingress", "web", Severity.ACTION_REQUIRED)).singleElement()
                .asString().contains("header-rewrite");
    }

    @Test
    void leavesIngressWithoutAgcAnnotationsAlone() {
        harness.rewriteRun("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: web}
                spec: {ingressClassName: azure-alb-external}
                """);
    }
}
