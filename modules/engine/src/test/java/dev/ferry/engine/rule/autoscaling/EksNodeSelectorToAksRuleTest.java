package dev.ferry.engine.rule.autoscaling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Finding;
import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class EksNodeSelectorToAksRuleTest {

    private final RuleHarness harness = RuleHarness.of(new EksNodeSelectorToAksRule());

    @Test
    void mapsNodeGroupSpotAndInstanceType() {
        harness.rewriteRun("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: api}
                spec:
                  template:
                    spec:
                      nodeSelector:
                        eks.amazonaws.com/nodegroup: Batch-Nodes
                        eks.amazonaws.com/capacityType: SPOT
                        node.kubernetes.io/instance-type: m5.xlarge
                        kubernetes.io/os: linux
                      containers: [{name: api, image: api}]
                """, """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: api}
                spec:
                  template:
                    spec:
                      nodeSelector:
                        kubernetes.azure.com/agentpool: batchnodes
                        kubernetes.azure.com/scalesetpriority: spot
                        node.kubernetes.io/instance-type: Standard_D4s_v3
                        kubernetes.io/os: linux
                      containers: [{name: api, image: api}]
                """);
    }

    @Test
    void removesOnDemandAndFargateSelectors() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: v1
                kind: Pod
                metadata: {name: job}
                spec:
                  nodeSelector: {karpenter.sh/capacity-type: on-demand, eks.amazonaws.com/compute-type: fargate}
                  containers: [{name: job, image: job}]
                """, """
                apiVersion: v1
                kind: Pod
                metadata: {name: job}
                spec:
                  containers: [{name: job, image: job}]
                """);
        assertThat(RuleHarness.changeFor(proposal, "Pod", "job").findings()).extracting(Finding::severity)
                .containsExactlyInAnyOrder(Severity.INFO, Severity.ACTION_REQUIRED);
    }

    @Test
    void keepsKarpenterLabelsInNapModeAndMapsInstanceFamilies() {
        harness.settings(RuleHarness.EKS_TO_AKS_SETTINGS + "autoscaling: {mode: nap}\n").rewriteRun("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: api}
                spec:
                  template:
                    spec:
                      nodeSelector: {karpenter.sh/nodepool: default, karpenter.sh/capacity-type: spot, karpenter.k8s.aws/instance-family: m6i}
                """, """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: api}
                spec:
                  template:
                    spec:
                      nodeSelector: {karpenter.sh/nodepool: default, karpenter.sh/capacity-type: spot, karpenter.azure.com/sku-family: D}
                """);
    }

    @Test
    void mapsKarpenterNodePoolToAgentPoolAndDropsAwsInstanceLabels() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: api}
                spec:
                  template:
                    spec:
                      nodeSelector: {karpenter.sh/nodepool: default, karpenter.k8s.aws/instance-generation: "6"}
                """, """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: api}
                spec:
                  template:
                    spec:
                      nodeSelector: {kubernetes.azure.com/agentpool: default}
                """);
        assertThat(RuleHarness.changeFor(proposal, "Deployment", "api").findings()).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("autoscaling.mode: nap"));
    }

    @Test
    void requiresActionForUnknownInstanceType() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: v1
                kind: Pod
                metadata: {name: ml}
                spec:
                  nodeSelector: {node.kubernetes.io/instance-type: inf2.xlarge}
                """);
        assertThat(RuleHarness.changeFor(proposal, "Pod", "ml").findings()).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ACTION_REQUIRED));
    }
}
