package dev.ferry.engine.rule.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class AlbIngressClassToAgicRuleTest {

    private final RuleHarness harness = RuleHarness.of(new AlbIngressClassToAgicRule());

    @Test
    void movesAlbClassToAgic() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: ui, namespace: ui}
                spec: {ingressClassName: alb}
                """, """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: ui, namespace: ui}
                spec: {ingressClassName: azure-application-gateway}
                """);
        assertThat(Findings.messages(proposal, "Ingress", "ui", Severity.INFO)).anyMatch(m -> m.contains("ingress-appgw"));
    }

    @Test
    void movesLegacyAnnotationToAgcClassInAgcMode() {
        Proposal proposal = harness.settings(RuleHarness.EKS_TO_AKS_SETTINGS + "ingress: {controller: agc}\n")
                .rewriteRun("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: ui
                  annotations: {kubernetes.io/ingress.class: alb}
                """, """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: ui}
                spec: {ingressClassName: azure-alb-external}
                """);
        assertThat(Findings.messages(proposal, "Ingress", "ui", Severity.ACTION_REQUIRED))
                .anyMatch(m -> m.contains("alb.networking.azure.io/alb-id"));
    }

    @Test
    void movesIngressOfCustomAutoModeClass() {
        harness.rewriteRun("""
                apiVersion: networking.k8s.io/v1
                kind: IngressClass
                metadata: {name: public}
                spec: {controller: eks.amazonaws.com/alb}
                ---
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: ui}
                spec: {ingressClassName: public}
                """, """
                apiVersion: networking.k8s.io/v1
                kind: IngressClass
                metadata: {name: public}
                spec: {controller: eks.amazonaws.com/alb}
                ---
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: ui}
                spec: {ingressClassName: azure-application-gateway}
                """);
    }

    @Test
    void movesIngressOfClassDefinedElsewhereWhenItCarriesAlbAnnotations() {
        harness.rewriteRun("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: ui
                  annotations: {alb.ingress.kubernetes.io/target-type: ip}
                spec: {ingressClassName: eks-auto-alb}
                """, """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: ui
                  annotations: {alb.ingress.kubernetes.io/target-type: ip}
                spec: {ingressClassName: azure-application-gateway}
                """);
    }

    @Test
    void leavesNginxIngressAlone() {
        harness.settings(RuleHarness.EKS_TO_AKS_SETTINGS + "ingress: {controller: keep-nginx}\n").rewriteRun("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: ui
                  annotations: {alb.ingress.kubernetes.io/scheme: internal}
                spec: {ingressClassName: nginx}
                """);
    }

    @Test
    void reportsUnknownControllerSetting() {
        Proposal proposal = harness.settings(RuleHarness.EKS_TO_AKS_SETTINGS + "ingress: {controller: traefik}\n")
                .run("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: ui}
                spec: {ingressClassName: alb}
                """);
        assertThat(Findings.of(proposal, "Ingress", "ui")).anyMatch(f -> "ingress.controller".equals(f.settingKey()));
    }
}
