package dev.ferry.engine.rule.autoscaling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Change;
import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class NapNodePoolToAwsRuleTest {

    private static final String NAP = """
            apiVersion: karpenter.sh/v1
            kind: NodePool
            metadata: {name: system-surge}
            spec:
              template:
                metadata:
                  labels: {kubernetes.azure.com/mode: system, kubernetes.azure.com/ebpf-dataplane: cilium, team: ops}
                spec:
                  nodeClassRef: {group: karpenter.azure.com, kind: AKSNodeClass, name: default}
                  startupTaints: [{key: node.cilium.io/agent-not-ready, effect: NoExecute, value: "true"}]
                  requirements:
                    - {key: kubernetes.io/arch, operator: In, values: [amd64]}
                    - {key: karpenter.sh/capacity-type, operator: In, values: [on-demand]}
                    - {key: karpenter.azure.com/sku-family, operator: In, values: [D, E]}
                    - {key: karpenter.azure.com/sku-cpu, operator: Lt, values: ["17"]}
                    - {key: karpenter.azure.com/sku-name, operator: In, values: [Standard_D4s_v5]}
              disruption: {consolidateAfter: 0s}
            """;

    @Test
    void pointsNapNodePoolAtEc2NodeClassAndAwsLabels() {
        String after = """
                apiVersion: karpenter.sh/v1
                kind: NodePool
                metadata: {name: system-surge}
                spec:
                  template:
                    metadata:
                      labels: {ferry.dev/mode: system, team: ops}
                    spec:
                      nodeClassRef: {group: karpenter.k8s.aws, kind: EC2NodeClass, name: default}
                      startupTaints: [{key: node.cilium.io/agent-not-ready, effect: NoExecute, value: "true"}]
                      requirements:
                        - {key: kubernetes.io/arch, operator: In, values: [amd64]}
                        - {key: karpenter.sh/capacity-type, operator: In, values: [on-demand]}
                        - {key: karpenter.k8s.aws/instance-category, operator: In, values: [m, r]}
                        - {key: karpenter.k8s.aws/instance-cpu, operator: Lt, values: ["17"]}
                        - {key: node.kubernetes.io/instance-type, operator: In, values: [m6i.xlarge]}
                  disruption: {consolidateAfter: 0s}
                """;
        Proposal proposal = RuleHarness.of(new NapNodePoolToAwsRule()).rewriteRun(NAP, after);

        Change change = RuleHarness.changeFor(proposal, "NodePool", "system-surge");
        assertThat(change.findings()).anyMatch(f -> f.severity() == Severity.WARNING && f.message().contains("Cilium"));
        assertThat(change.patch()).noneMatch(op -> op.path().equals("/spec/template/spec/requirements"));
    }

    @Test
    void removesRequirementWithoutAwsCounterpart() {
        String before = NAP.replace("{key: karpenter.azure.com/sku-cpu, operator: Lt, values: [\"17\"]}",
                "{key: karpenter.azure.com/sku-storage-premium-capable, operator: In, values: [\"true\"]}");
        Proposal proposal = RuleHarness.of(new NapNodePoolToAwsRule()).run(before);

        Change change = RuleHarness.changeFor(proposal, "NodePool", "system-surge");
        assertThat(change.patch()).anyMatch(op -> op.path().equals("/spec/template/spec/requirements"));
        assertThat(proposal.proposed().get(0).at("/spec/template/spec/requirements").toString())
                .doesNotContain("premium").contains("instance-category");
        assertThat(change.findings()).anyMatch(f -> f.severity() == Severity.ACTION_REQUIRED
                && f.message().contains("sku-storage-premium-capable"));
    }

    @Test
    void flagsPreV1NapNodePool() {
        String v1beta1 = """
                apiVersion: karpenter.sh/v1beta1
                kind: NodePool
                metadata: {name: general-purpose}
                spec:
                  template:
                    spec:
                      nodeClassRef: {name: default}
                      requirements: [{key: karpenter.azure.com/sku-family, operator: In, values: [D]}]
                """;
        Proposal proposal = RuleHarness.of(new NapNodePoolToAwsRule()).rewriteRun(v1beta1);

        assertThat(RuleHarness.changeFor(proposal, "NodePool", "general-purpose").findings()).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ACTION_REQUIRED))
                .satisfies(f -> assertThat(f.message()).contains("karpenter.sh/v1beta1"));
    }

    @Test
    void leavesAwsNodePoolAlone() {
        RuleHarness.of(new NapNodePoolToAwsRule()).rewriteRun(NAP
                .replace("{group: karpenter.azure.com, kind: AKSNodeClass, name: default}",
                        "{group: karpenter.k8s.aws, kind: EC2NodeClass, name: default}"));
    }
}
