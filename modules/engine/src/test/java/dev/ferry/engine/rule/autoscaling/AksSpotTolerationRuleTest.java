package dev.ferry.engine.rule.autoscaling;

import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class AksSpotTolerationRuleTest {

    private final RuleHarness harness = RuleHarness.of(new AksSpotTolerationRule());

    @Test
    void addsSpotTolerationForSpotSelector() {
        harness.rewriteRun("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: batch}
                spec:
                  template:
                    spec:
                      nodeSelector: {eks.amazonaws.com/capacityType: SPOT}
                      tolerations: [{key: dedicated, operator: Exists}]
                """, """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: batch}
                spec:
                  template:
                    spec:
                      nodeSelector: {eks.amazonaws.com/capacityType: SPOT}
                      tolerations:
                      - {key: dedicated, operator: Exists}
                      - {key: kubernetes.azure.com/scalesetpriority, operator: Equal, value: spot, effect: NoSchedule}
                """);
    }

    @Test
    void addsSpotTolerationToADaemonSetThatToleratesTheKarpenterSpotTaint() {
        harness.rewriteRun("""
                apiVersion: apps/v1
                kind: DaemonSet
                metadata: {name: node-exporter, namespace: ops}
                spec:
                  template:
                    spec:
                      tolerations:
                      - {key: karpenter.sh/capacity-type, operator: Equal, value: spot, effect: NoSchedule}
                """, """
                apiVersion: apps/v1
                kind: DaemonSet
                metadata: {name: node-exporter, namespace: ops}
                spec:
                  template:
                    spec:
                      tolerations:
                      - {key: karpenter.sh/capacity-type, operator: Equal, value: spot, effect: NoSchedule}
                      - {key: kubernetes.azure.com/scalesetpriority, operator: Equal, value: spot, effect: NoSchedule}
                """);
    }

    @Test
    void leavesATolerationOfOnDemandCapacityAlone() {
        harness.rewriteRun("""
                apiVersion: apps/v1
                kind: DaemonSet
                metadata: {name: agent, namespace: ops}
                spec:
                  template:
                    spec:
                      tolerations:
                      - {key: karpenter.sh/capacity-type, operator: Equal, value: on-demand, effect: NoSchedule}
                """);
    }

    @Test
    void addsSpotTolerationForSpotAffinity() {
        harness.rewriteRun("""
                apiVersion: v1
                kind: Pod
                metadata: {name: job}
                spec:
                  affinity:
                    nodeAffinity:
                      preferredDuringSchedulingIgnoredDuringExecution:
                      - weight: 1
                        preference:
                          matchExpressions: [{key: karpenter.sh/capacity-type, operator: In, values: [spot]}]
                """, """
                apiVersion: v1
                kind: Pod
                metadata: {name: job}
                spec:
                  affinity:
                    nodeAffinity:
                      preferredDuringSchedulingIgnoredDuringExecution:
                      - weight: 1
                        preference:
                          matchExpressions: [{key: karpenter.sh/capacity-type, operator: In, values: [spot]}]
                  tolerations:
                  - {key: kubernetes.azure.com/scalesetpriority, operator: Equal, value: spot, effect: NoSchedule}
                """);
    }

    @Test
    void leavesOnDemandWorkloadsAlone() {
        harness.rewriteRun("""
                apiVersion: v1
                kind: Pod
                metadata: {name: job}
                spec:
                  nodeSelector: {karpenter.sh/capacity-type: on-demand}
                """);
    }
}
