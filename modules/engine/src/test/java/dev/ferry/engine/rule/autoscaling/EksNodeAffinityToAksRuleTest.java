package dev.ferry.engine.rule.autoscaling;

import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class EksNodeAffinityToAksRuleTest {

    private final RuleHarness harness = RuleHarness.of(new EksNodeAffinityToAksRule());

    @Test
    void rewritesExpressionsFieldByField() {
        harness.rewriteRun("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: api}
                spec:
                  template:
                    spec:
                      affinity:
                        nodeAffinity:
                          requiredDuringSchedulingIgnoredDuringExecution:
                            nodeSelectorTerms:
                            - matchExpressions:
                              - {key: topology.kubernetes.io/zone, operator: In, values: [eu-west-1a]}
                              - {key: eks.amazonaws.com/capacityType, operator: In, values: [ON_DEMAND]}
                          preferredDuringSchedulingIgnoredDuringExecution:
                          - weight: 10
                            preference:
                              matchExpressions:
                              - {key: node.kubernetes.io/instance-type, operator: In, values: [c5.large, c5.xlarge]}
                """, """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: api}
                spec:
                  template:
                    spec:
                      affinity:
                        nodeAffinity:
                          requiredDuringSchedulingIgnoredDuringExecution:
                            nodeSelectorTerms:
                            - matchExpressions:
                              - {key: topology.kubernetes.io/zone, operator: In, values: [eu-west-1a]}
                              - {key: kubernetes.azure.com/scalesetpriority, operator: DoesNotExist}
                          preferredDuringSchedulingIgnoredDuringExecution:
                          - weight: 10
                            preference:
                              matchExpressions:
                              - {key: node.kubernetes.io/instance-type, operator: In, values: [Standard_F2s_v2, Standard_F4s_v2]}
                """);
    }

    @Test
    void neutralisesExpressionsWithoutAksCounterpartInPlace() {
        harness.rewriteRun("""
                apiVersion: v1
                kind: Pod
                metadata: {name: job}
                spec:
                  affinity:
                    nodeAffinity:
                      requiredDuringSchedulingIgnoredDuringExecution:
                        nodeSelectorTerms:
                        - matchExpressions:
                          - {key: karpenter.k8s.aws/instance-hypervisor, operator: In, values: [nitro]}
                        - matchExpressions:
                          - {key: karpenter.sh/capacity-type, operator: In, values: [spot, on-demand]}
                          - {key: kubernetes.io/arch, operator: In, values: [amd64]}
                """, """
                apiVersion: v1
                kind: Pod
                metadata: {name: job}
                spec:
                  affinity:
                    nodeAffinity:
                      requiredDuringSchedulingIgnoredDuringExecution:
                        nodeSelectorTerms:
                        - matchExpressions:
                          - {key: kubernetes.io/os, operator: Exists}
                        - matchExpressions:
                          - {key: kubernetes.io/os, operator: Exists}
                          - {key: kubernetes.io/arch, operator: In, values: [amd64]}
                """);
    }

    @Test
    void leavesPortableAffinityAlone() {
        harness.rewriteRun("""
                apiVersion: v1
                kind: Pod
                metadata: {name: job}
                spec:
                  affinity:
                    nodeAffinity:
                      requiredDuringSchedulingIgnoredDuringExecution:
                        nodeSelectorTerms:
                        - matchExpressions:
                          - {key: kubernetes.io/arch, operator: In, values: [amd64]}
                """);
    }
}
