package dev.ferry.engine.rule.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Change;
import dev.ferry.engine.Edge;
import dev.ferry.engine.Severity;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class EmbeddedReferencesRuleTest {

    private static Rule rule(Edge edge) {
        return EmbeddedRules.eksToAks().stream().filter(r -> r.info().edge() == edge).findFirst().orElseThrow();
    }

    @Test
    void reportsAlbAnnotationsInsideHelmValues() {
        Proposal proposal = RuleHarness.of(rule(Edge.INGRESS)).rewriteRun("""
                apiVersion: helm.toolkit.fluxcd.io/v2
                kind: HelmRelease
                metadata: {name: ui, namespace: flux-system}
                spec:
                  values:
                    ingress:
                      annotations: {alb.ingress.kubernetes.io/scheme: internet-facing}
                """);
        Change change = RuleHarness.changeFor(proposal, "HelmRelease", "ui");
        assertThat(change.edge()).isEqualTo(Edge.INGRESS);
        assertThat(change.findings()).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ACTION_REQUIRED);
            assertThat(f.message()).contains("HelmRelease ui", "alb.ingress.kubernetes.io", "ferry propose");
        });
    }

    @Test
    void leavesBuiltInKindsAndTranslatedGroupsToTheirRules() {
        RuleHarness.of(rule(Edge.INGRESS)).rewriteRun("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                  annotations: {alb.ingress.kubernetes.io/scheme: internal}
                spec: {}
                """);
        RuleHarness.of(rule(Edge.AUTOSCALING)).rewriteRun("""
                apiVersion: karpenter.k8s.aws/v1
                kind: EC2NodeClass
                metadata: {name: default}
                spec: {role: KarpenterNodeRole}
                """);
    }

    @Test
    void saysNothingAboutCustomResourcesWithoutAwsConstructs() {
        RuleHarness.of(rule(Edge.STORAGE)).rewriteRun("""
                apiVersion: kro.run/v1alpha1
                kind: ResourceGraphDefinition
                metadata: {name: web}
                spec: {resources: []}
                """);
    }
}
