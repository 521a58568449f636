package dev.ferry.engine.rule.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Finding;
import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class PodTokenExpirationRuleTest {

    private final RuleHarness harness = RuleHarness.of(new PodTokenExpirationRule());

    @Test
    void mapsPodAnnotationToEksPodAnnotation() {
        harness.rewriteRun("""
                apiVersion: batch/v1
                kind: Job
                metadata: {name: migrate}
                spec:
                  template:
                    metadata:
                      annotations: {azure.workload.identity/service-account-token-expiration: "3600"}
                    spec: {containers: [{name: c, image: i}], restartPolicy: Never}
                """, """
                apiVersion: batch/v1
                kind: Job
                metadata: {name: migrate}
                spec:
                  template:
                    metadata:
                      annotations: {eks.amazonaws.com/token-expiration: "3600"}
                    spec: {containers: [{name: c, image: i}], restartPolicy: Never}
                """);
    }

    @Test
    void clampsPodLifetime() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: v1
                kind: Pod
                metadata: {name: p, annotations: {azure.workload.identity/service-account-token-expiration: "100000"}}
                spec: {containers: [{name: c, image: i}]}
                """, """
                apiVersion: v1
                kind: Pod
                metadata: {name: p, annotations: {eks.amazonaws.com/token-expiration: "86400"}}
                spec: {containers: [{name: c, image: i}]}
                """);
        assertThat(RuleHarness.changeFor(proposal, "Pod", "p").findings()).extracting(Finding::severity)
                .containsExactly(Severity.WARNING);
    }

    @Test
    void dropsWithNoteUnderPodIdentity() {
        Proposal proposal = harness.settings("identity: {mode: pod-identity}\n").rewriteRun("""
                apiVersion: v1
                kind: Pod
                metadata: {name: p, annotations: {azure.workload.identity/service-account-token-expiration: "3600"}}
                spec: {containers: [{name: c, image: i}]}
                """, """
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec: {containers: [{name: c, image: i}]}
                """);
        assertThat(RuleHarness.changeFor(proposal, "Pod", "p").findings()).extracting(Finding::severity)
                .containsExactly(Severity.INFO);
    }

    @Test
    void leavesTheWorkloadsOwnAnnotationsAlone() {
        harness.rewriteRun("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: d
                  annotations: {azure.workload.identity/service-account-token-expiration: "3600"}
                spec:
                  selector: {matchLabels: {app: d}}
                  template:
                    metadata: {labels: {app: d}}
                    spec: {containers: [{name: c, image: i}]}
                """);
    }
}
