package dev.ferry.engine.rule.networking;

import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class VpcResourceRequestsRuleTest {

    @Test
    void removesPodEniResourcesAndAnnotations() {
        RuleHarness.of(new VpcResourceRequestsRule()).rewriteRun("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: d, namespace: x}
                spec:
                  template:
                    metadata: {annotations: {vpc.amazonaws.com/pod-eni: "[]", team: a}}
                    spec:
                      containers:
                      - name: c
                        image: c
                        resources:
                          requests: {cpu: 100m, vpc.amazonaws.com/pod-eni: "1"}
                          limits: {vpc.amazonaws.com/pod-eni: "1"}
                """, """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: d, namespace: x}
                spec:
                  template:
                    metadata: {annotations: {team: a}}
                    spec:
                      containers:
                      - name: c
                        image: c
                        resources:
                          requests: {cpu: 100m}
                """);
    }

    @Test
    void leavesOrdinaryResourcesAlone() {
        RuleHarness.of(new VpcResourceRequestsRule()).rewriteRun("""
                apiVersion: v1
                kind: Pod
                metadata: {name: p, namespace: x}
                spec: {containers: [{name: c, image: c, resources: {requests: {nvidia.com/gpu: "1"}}}]}
                """);
    }
}
