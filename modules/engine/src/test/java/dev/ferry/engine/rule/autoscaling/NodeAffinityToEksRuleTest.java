package dev.ferry.engine.rule.autoscaling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Severity;
import dev.ferry.engine.patch.PatchOp;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class NodeAffinityToEksRuleTest {

    private static String pod(String nodeAffinity) {
        return """
                apiVersion: v1
                kind: Pod
                metadata: {name: worker, namespace: shop}
                spec:
                  affinity:
                    nodeAffinity:
                %s
                  containers: [{name: worker, image: busybox}]
                """.formatted(nodeAffinity.indent(6).stripTrailing());
    }

    @Test
    void rewritesRequiredAndPreferredExpressionsInPlace() {
        String before = """
                requiredDuringSchedulingIgnoredDuringExecution:
                  nodeSelectorTerms:
                    - matchExpressions:
                        - {key: kubernetes.azure.com/agentpool, operator: In, values: [web]}
                        - {key: topology.kubernetes.io/zone, operator: In, values: [westeurope-1]}
                        - {key: kubernetes.azure.com/scalesetpriority, operator: Exists}
                preferredDuringSchedulingIgnoredDuringExecution:
                  - weight: 50
                    preference:
                      matchExpressions:
                        - {key: node.kubernetes.io/instance-type, operator: In, values: [Standard_D4s_v5, Standard_E8s_v3]}
                  - weight: 10
                    preference:
                      matchExpressions:
                        - {key: kubernetes.azure.com/scalesetpriority, operator: DoesNotExist}
                """;
        String after = """
                requiredDuringSchedulingIgnoredDuringExecution:
                  nodeSelectorTerms:
                    - matchExpressions:
                        - {key: karpenter.sh/nodepool, operator: In, values: [web]}
                        - {key: topology.kubernetes.io/zone, operator: In, values: [westeurope-1]}
                        - {key: karpenter.sh/capacity-type, operator: In, values: [spot]}
                preferredDuringSchedulingIgnoredDuringExecution:
                  - weight: 50
                    preference:
                      matchExpressions:
                        - {key: node.kubernetes.io/instance-type, operator: In, values: [m6i.xlarge, r5.2xlarge]}
                  - weight: 10
                    preference:
                      matchExpressions:
                        - {key: karpenter.sh/capacity-type, operator: NotIn, values: [spot]}
                """;
        Proposal proposal = RuleHarness.of(new NodeAffinityToEksRule()).nodes(AksNodes.CLUSTER)
                .rewriteRun(pod(before), pod(after));

        assertThat(RuleHarness.changeFor(proposal, "Pod", "worker").patch()).extracting(PatchOp::path)
                .doesNotContain("/spec/affinity/nodeAffinity/requiredDuringSchedulingIgnoredDuringExecution"
                        + "/nodeSelectorTerms/0/matchExpressions/1")
                .contains("/spec/affinity/nodeAffinity/requiredDuringSchedulingIgnoredDuringExecution"
                        + "/nodeSelectorTerms/0/matchExpressions/0");
    }

    @Test
    void removesVirtualNodeTermAndTheRequirementLeftEmpty() {
        String before = """
                requiredDuringSchedulingIgnoredDuringExecution:
                  nodeSelectorTerms:
                    - matchExpressions:
                        - {key: type, operator: In, values: [virtual-kubelet]}
                """;
        Proposal proposal = RuleHarness.of(new NodeAffinityToEksRule()).rewriteRun(pod(before), """
                apiVersion: v1
                kind: Pod
                metadata: {name: worker, namespace: shop}
                spec:
                  affinity:
                    nodeAffinity: {}
                  containers: [{name: worker, image: busybox}]
                """);

        assertThat(RuleHarness.changeFor(proposal, "Pod", "worker").findings())
                .singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
    }

    @Test
    void replacesWholeTermListWhenAnExpressionIsRemoved() {
        String before = """
                requiredDuringSchedulingIgnoredDuringExecution:
                  nodeSelectorTerms:
                    - matchExpressions:
                        - {key: type, operator: In, values: [virtual-kubelet]}
                        - {key: kubernetes.azure.com/mode, operator: In, values: [User]}
                    - matchExpressions:
                        - {key: kubernetes.io/os, operator: In, values: [linux]}
                """;
        String after = """
                requiredDuringSchedulingIgnoredDuringExecution:
                  nodeSelectorTerms:
                    - matchExpressions:
                        - {key: ferry.dev/mode, operator: In, values: [user]}
                    - matchExpressions:
                        - {key: kubernetes.io/os, operator: In, values: [linux]}
                """;
        Proposal proposal = RuleHarness.of(new NodeAffinityToEksRule()).rewriteRun(pod(before), pod(after));

        assertThat(RuleHarness.changeFor(proposal, "Pod", "worker").patch()).singleElement()
                .satisfies(op -> assertThat(op.path()).endsWith("/nodeSelectorTerms"));
    }

    @Test
    void keepsTermMixingSystemAndUserPoolsWithActionRequired() {
        String before = """
                requiredDuringSchedulingIgnoredDuringExecution:
                  nodeSelectorTerms:
                    - matchExpressions:
                        - {key: agentpool, operator: In, values: [system, web]}
                """;
        Proposal proposal = RuleHarness.of(new NodeAffinityToEksRule()).nodes(AksNodes.CLUSTER).rewriteRun(pod(before));

        assertThat(RuleHarness.changeFor(proposal, "Pod", "worker").findings())
                .anyMatch(f -> f.severity() == Severity.ACTION_REQUIRED && f.message().contains("split the term"));
    }

    @Test
    void keepsVirtualNodeExclusion() {
        // as in the secrets-store-csi-driver-provider-azure DaemonSet: harmless on EKS, which has no virtual nodes
        RuleHarness.of(new NodeAffinityToEksRule()).rewriteRun(pod("""
                requiredDuringSchedulingIgnoredDuringExecution:
                  nodeSelectorTerms:
                    - matchExpressions:
                        - {key: type, operator: NotIn, values: [virtual-kubelet]}
                """));
    }

    @Test
    void leavesPortableAffinityAlone() {
        RuleHarness.of(new NodeAffinityToEksRule()).nodes(AksNodes.CLUSTER).rewriteRun(pod("""
                requiredDuringSchedulingIgnoredDuringExecution:
                  nodeSelectorTerms:
                    - matchExpressions:
                        - {key: kubernetes.io/arch, operator: In, values: [amd64]}
                """));
    }
}
