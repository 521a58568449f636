package dev.ferry.engine.rule.identity;

import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class EksSkipContainersRuleTest {

    @Test
    void turnsCommasIntoSemicolons() {
        RuleHarness.of(new EksSkipContainersRule()).rewriteRun("""
                apiVersion: v1
                kind: Pod
                metadata: {name: p, namespace: x, annotations: {eks.amazonaws.com/skip-containers: "sidecar, init"}}
                spec: {containers: [{name: c, image: app}]}
                """, """
                apiVersion: v1
                kind: Pod
                metadata: {name: p, namespace: x, annotations: {azure.workload.identity/skip-containers: "sidecar;init"}}
                spec: {containers: [{name: c, image: app}]}
                """);
    }

    @Test
    void leavesPodWithoutAnnotationAlone() {
        RuleHarness.of(new EksSkipContainersRule()).rewriteRun("""
                apiVersion: v1
                kind: Pod
                metadata: {name: p, namespace: x}
                spec: {containers: [{name: c, image: app}]}
                """);
    }
}
