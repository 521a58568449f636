package dev.ferry.engine.rule.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Finding;
import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class SkipContainersAnnotationRuleTest {

    private final RuleHarness harness = RuleHarness.of(new SkipContainersAnnotationRule());

    @Test
    void turnsSemicolonListIntoCommaList() {
        harness.rewriteRun("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: cart}
                spec:
                  selector: {matchLabels: {app: cart}}
                  template:
                    metadata:
                      labels: {app: cart}
                      annotations: {azure.workload.identity/skip-containers: "istio-proxy; log-shipper;", keep: "1"}
                    spec: {containers: [{name: cart, image: i}]}
                """, """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: cart}
                spec:
                  selector: {matchLabels: {app: cart}}
                  template:
                    metadata:
                      labels: {app: cart}
                      annotations: {eks.amazonaws.com/skip-containers: "istio-proxy,log-shipper", keep: "1"}
                    spec: {containers: [{name: cart, image: i}]}
                """);
    }

    @Test
    void translatesOnBarePod() {
        harness.rewriteRun("""
                apiVersion: v1
                kind: Pod
                metadata: {name: p, annotations: {azure.workload.identity/skip-containers: sidecar}}
                spec: {containers: [{name: c, image: i}]}
                """, """
                apiVersion: v1
                kind: Pod
                metadata: {name: p, annotations: {eks.amazonaws.com/skip-containers: sidecar}}
                spec: {containers: [{name: c, image: i}]}
                """);
    }

    @Test
    void dropsWithWarningUnderPodIdentity() {
        Proposal proposal = harness.settings("identity: {mode: pod-identity}\n").rewriteRun("""
                apiVersion: v1
                kind: Pod
                metadata: {name: p, annotations: {azure.workload.identity/skip-containers: "a;b"}}
                spec: {containers: [{name: c, image: i}]}
                """, """
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec: {containers: [{name: c, image: i}]}
                """);
        assertThat(RuleHarness.changeFor(proposal, "Pod", "p").findings()).singleElement()
                .satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.WARNING);
                    assertThat(f.message()).contains("a,b");
                });
    }

    @Test
    void dropsEmptyList() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: v1
                kind: Pod
                metadata: {name: p, annotations: {azure.workload.identity/skip-containers: ";", x: y}}
                spec: {containers: [{name: c, image: i}]}
                """, """
                apiVersion: v1
                kind: Pod
                metadata: {name: p, annotations: {x: y}}
                spec: {containers: [{name: c, image: i}]}
                """);
        assertThat(RuleHarness.changeFor(proposal, "Pod", "p").findings()).extracting(Finding::severity).isEmpty();
    }

    @Test
    void ignoresTheAnnotationOutsidePodTemplates() {
        harness.rewriteRun("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: c, annotations: {azure.workload.identity/skip-containers: a}}
                data: {k: v}
                """);
    }
}
