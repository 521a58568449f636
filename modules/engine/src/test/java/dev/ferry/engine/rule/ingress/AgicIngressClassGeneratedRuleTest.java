package dev.ferry.engine.rule.ingress;

import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class AgicIngressClassGeneratedRuleTest {

    private static final String ALB_INGRESS = """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: ui}
            spec: {ingressClassName: alb}
            """;

    @Test
    void generatesAgicClassOnce() {
        RuleHarness.of(new AgicIngressClassGeneratedRule()).rewriteRun(ALB_INGRESS + "---\n" + ALB_INGRESS.replace("ui", "api"),
                ALB_INGRESS + "---\n" + ALB_INGRESS.replace("ui", "api") + """
                ---
                apiVersion: networking.k8s.io/v1
                kind: IngressClass
                metadata: {name: azure-application-gateway}
                spec: {controller: azure/application-gateway}
                """);
    }

    @Test
    void generatesAgcClassInAgcMode() {
        RuleHarness.of(new AgicIngressClassGeneratedRule())
                .settings(RuleHarness.EKS_TO_AKS_SETTINGS + "ingress: {controller: agc}\n")
                .rewriteRun(ALB_INGRESS, ALB_INGRESS + """
                ---
                apiVersion: networking.k8s.io/v1
                kind: IngressClass
                metadata: {name: azure-alb-external}
                spec: {controller: alb.networking.azure.io/alb-controller}
                """);
    }

    @Test
    void generatesNothingWithoutAlbIngress() {
        RuleHarness.of(new AgicIngressClassGeneratedRule()).rewriteRun("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: ui}
                spec: {ingressClassName: nginx}
                """);
    }
}
