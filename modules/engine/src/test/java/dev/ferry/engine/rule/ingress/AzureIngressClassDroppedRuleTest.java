package dev.ferry.engine.rule.ingress;

import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class AzureIngressClassDroppedRuleTest {

    private final RuleHarness harness = RuleHarness.of(new AzureIngressClassDroppedRule());

    @Test
    void dropsAgicAndAgcIngressClassesAndKeepsOthers() {
        harness.rewriteRun("""
                apiVersion: networking.k8s.io/v1
                kind: IngressClass
                metadata: {name: azure-application-gateway}
                spec: {controller: azure/application-gateway}
                ---
                apiVersion: networking.k8s.io/v1
                kind: IngressClass
                metadata: {name: azure-alb-external}
                spec: {controller: alb.networking.azure.io/alb-controller}
                ---
                apiVersion: networking.k8s.io/v1
                kind: IngressClass
                metadata: {name: nginx}
                spec: {controller: k8s.io/ingress-nginx}
                """, """
                apiVersion: networking.k8s.io/v1
                kind: IngressClass
                metadata: {name: nginx}
                spec: {controller: k8s.io/ingress-nginx}
                """);
    }

    @Test
    void dropsCustomNamedAgicIngressClass() {
        harness.rewriteRun("""
                apiVersion: networking.k8s.io/v1
                kind: IngressClass
                metadata: {name: other-gateway}
                spec: {controller: azure/application-gateway}
                """, "");
    }

    @Test
    void leavesAlbIngressClassAlone() {
        harness.rewriteRun("""
                apiVersion: networking.k8s.io/v1
                kind: IngressClass
                metadata: {name: alb}
                spec: {controller: ingress.k8s.aws/alb}
                """);
    }
}
