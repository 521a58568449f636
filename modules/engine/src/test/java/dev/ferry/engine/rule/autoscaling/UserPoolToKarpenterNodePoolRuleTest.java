package dev.ferry.engine.rule.autoscaling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Change;
import dev.ferry.engine.Finding;
import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class UserPoolToKarpenterNodePoolRuleTest {

    private static final String NAMESPACE = """
            apiVersion: v1
            kind: Namespace
            metadata: {name: shop}
            """;

    private static final String WEB_NODEPOOL = """
            apiVersion: karpenter.sh/v1
            kind: NodePool
            metadata: {name: web}
            spec:
              template:
                metadata:
                  labels: {team: web, ferry.dev/mode: user}
                spec:
                  nodeClassRef: {group: karpenter.k8s.aws, kind: EC2NodeClass, name: web}
                  requirements:
                    - {key: node.kubernetes.io/instance-type, operator: In, values: [m6i.2xlarge]}
                    - {key: karpenter.sh/capacity-type, operator: In, values: [on-demand]}
                    - {key: topology.kubernetes.io/zone, operator: In, values: [eu-west-1a, eu-west-1b]}
                    - {key: kubernetes.io/arch, operator: In, values: [amd64]}
                    - {key: kubernetes.io/os, operator: In, values: [linux]}
                  taints: [{key: dedicated, value: web, effect: NoSchedule}]
                  expireAfter: 720h
              disruption:
                consolidationPolicy: WhenEmptyOrUnderutilized
                consolidateAfter: 0s
                budgets: [{nodes: "10%"}]
              limits: {cpu: "24", memory: 96Gi}
            """;

    private static final String SPOT_NODEPOOL = """
            apiVersion: karpenter.sh/v1
            kind: NodePool
            metadata: {name: spot}
            spec:
              template:
                metadata:
                  labels: {ferry.dev/mode: user}
                spec:
                  nodeClassRef: {group: karpenter.k8s.aws, kind: EC2NodeClass, name: spot}
                  requirements:
                    - {key: node.kubernetes.io/instance-type, operator: In, values: [r6i.xlarge]}
                    - {key: karpenter.sh/capacity-type, operator: In, values: [spot]}
                    - {key: topology.kubernetes.io/zone, operator: In, values: [eu-west-1c]}
                    - {key: kubernetes.io/arch, operator: In, values: [amd64]}
                    - {key: kubernetes.io/os, operator: In, values: [linux]}
                  taints: [{key: karpenter.sh/capacity-type, value: spot, effect: NoSchedule}]
                  expireAfter: 720h
              disruption:
                consolidationPolicy: WhenEmptyOrUnderutilized
                consolidateAfter: 0s
                budgets: [{nodes: "10%"}]
              limits: {cpu: "4", memory: 32Gi}
            """;

    @Test
    void generatesNodePoolPerUserPoolAndSkipsSystemPool() {
        Proposal proposal = RuleHarness.of(new UserPoolToKarpenterNodePoolRule()).nodes(AksNodes.CLUSTER)
                .rewriteRun(NAMESPACE, NAMESPACE + "---\n" + WEB_NODEPOOL + "---\n" + SPOT_NODEPOOL);

        assertThat(proposal.proposed()).noneMatch(o -> o.name().equals("system"));
        Change web = RuleHarness.changeFor(proposal, "NodePool", "web");
        assertThat(web.rationale()).contains("§7.4");
        assertThat(web.findings()).extracting(Finding::severity).containsOnly(Severity.WARNING);
        assertThat(web.findings().get(0).message()).contains("limits cap it at today's 3 node(s)");
        assertThat(RuleHarness.changeFor(proposal, "NodePool", "spot").findings())
                .anyMatch(f -> f.severity() == Severity.INFO && f.message().contains("karpenter.sh/capacity-type=spot"));
    }

    @Test
    void makesNoNodePoolWithoutNodes() {
        RuleHarness.of(new UserPoolToKarpenterNodePoolRule()).rewriteRun(NAMESPACE);
    }

    @Test
    void leavesZoneRequirementOutAndNamesSettingWhenZonesAreNotMapped() {
        Proposal proposal = RuleHarness.of(new UserPoolToKarpenterNodePoolRule()).nodes(AksNodes.WEB)
                .settings("aws: {clusterName: shop-eks}\nzones: {westeurope-1: eu-west-1a}\n")
                .run(NAMESPACE);

        Change web = RuleHarness.changeFor(proposal, "NodePool", "web");
        assertThat(web.generated().at("/spec/template/spec/requirements").toString()).doesNotContain("topology");
        assertThat(web.findings()).anyMatch(f -> f.settingKey().equals("zones")
                && f.severity() == Severity.ACTION_REQUIRED && f.message().contains("westeurope-2"));
    }

    @Test
    void regionalPoolHasNoZoneRequirement() {
        String nodes = AksNodes.node("aks-batch-1-vmss000000", "batch", "user", "Standard_F8s_v2", "0", "", "");
        Proposal proposal = RuleHarness.of(new UserPoolToKarpenterNodePoolRule()).nodes(nodes).run(NAMESPACE);

        Change batch = RuleHarness.changeFor(proposal, "NodePool", "batch");
        assertThat(batch.generated().at("/spec/template/spec/requirements").toString())
                .doesNotContain("topology").contains("c5.2xlarge");
        assertThat(batch.generated().at("/spec/limits").toString()).isEqualTo("{\"cpu\":\"8\",\"memory\":\"16Gi\"}");
    }

    @Test
    void unknownVmSizeIsActionRequiredWithItsShapeAndCpuRequirement() {
        String nodes = AksNodes.node("aks-storage-1-vmss000000", "storage", "user", "Standard_L8s_v3", "westeurope-1",
                "kubernetes.azure.com/sku-cpu: \"8\", kubernetes.azure.com/sku-memory: \"64\"", "");
        Proposal proposal = RuleHarness.of(new UserPoolToKarpenterNodePoolRule()).nodes(nodes).run(NAMESPACE);

        Change storage = RuleHarness.changeFor(proposal, "NodePool", "storage");
        assertThat(storage.findings()).anyMatch(f -> f.severity() == Severity.ACTION_REQUIRED
                && f.message().contains("Standard_L8s_v3") && f.message().contains("8 vCPU, 64 GB"));
        assertThat(storage.generated().at("/spec/template/spec/requirements/0").toString())
                .isEqualTo("{\"key\":\"karpenter.k8s.aws/instance-cpu\",\"operator\":\"In\",\"values\":[\"8\"]}");
        assertThat(storage.generated().at("/spec/limits").isMissingNode()).isTrue();
    }

    @Test
    void closestAndDerivedSizesWarn() {
        String nodes = AksNodes.node("aks-gpu-1-vmss000000", "gpu", "user", "Standard_NC6s_v3", "westeurope-1", "", "")
                + "---\n" + AksNodes.node("aks-amd-1-vmss000000", "amd", "user", "Standard_D8as_v5", "westeurope-1", "", "");
        Proposal proposal = RuleHarness.of(new UserPoolToKarpenterNodePoolRule()).nodes(nodes).run(NAMESPACE);

        Change gpu = RuleHarness.changeFor(proposal, "NodePool", "gpu");
        assertThat(gpu.generated().at("/spec/template/spec/requirements/0/values/0").asText()).isEqualTo("p3.2xlarge");
        assertThat(gpu.findings()).anyMatch(f -> f.message().contains("closest listed match"));
        Change amd = RuleHarness.changeFor(proposal, "NodePool", "amd");
        assertThat(amd.generated().at("/spec/template/spec/requirements/0/values/0").asText()).isEqualTo("m6a.2xlarge");
        assertThat(amd.findings()).anyMatch(f -> f.message().contains("derived from the family table"));
        assertThat(amd.generated().at("/spec/limits").toString()).isEqualTo("{\"cpu\":\"8\"}");
    }

    @Test
    void armPoolKeepsArchAndUserTaintsOnlyWhenCommonToAllNodes() {
        String nodes = AksNodes.node("aks-arm-1-vmss000000", "arm", "user", "Standard_D4ps_v5", "westeurope-1",
                "kubernetes.io/arch: arm64", "{key: gpu, effect: NoSchedule}")
                .replace("kubernetes.io/arch: amd64, ", "")
                + "---\n" + AksNodes.node("aks-arm-1-vmss000001", "arm", "user", "Standard_D4ps_v5", "westeurope-1",
                "kubernetes.io/arch: arm64", "").replace("kubernetes.io/arch: amd64, ", "");
        Proposal proposal = RuleHarness.of(new UserPoolToKarpenterNodePoolRule()).nodes(nodes).run(NAMESPACE);

        Change arm = RuleHarness.changeFor(proposal, "NodePool", "arm");
        assertThat(arm.generated().at("/spec/template/spec/requirements").toString())
                .contains("m7g.xlarge").contains("{\"key\":\"kubernetes.io/arch\",\"operator\":\"In\",\"values\":[\"arm64\"]}");
        assertThat(arm.generated().at("/spec/template/spec/taints").isMissingNode()).isTrue();
    }
}
