package dev.ferry.engine.rule.autoscaling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Artifact;
import dev.ferry.engine.Finding;
import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class KarpenterNodePoolToAksNodePoolRuleTest {

    static final String ESTATE = """
            apiVersion: karpenter.sh/v1
            kind: NodePool
            metadata: {name: batch-spot}
            spec:
              template:
                metadata:
                  labels: {team: batch}
                spec:
                  nodeClassRef: {group: karpenter.k8s.aws, kind: EC2NodeClass, name: batch}
                  requirements:
                  - {key: karpenter.sh/capacity-type, operator: In, values: [spot]}
                  - {key: node.kubernetes.io/instance-type, operator: In, values: [m5.xlarge, c5.xlarge]}
                  - {key: topology.kubernetes.io/zone, operator: In, values: [eu-west-1a, eu-west-1b]}
                  taints: [{key: workload, value: batch, effect: NoSchedule}]
              limits: {cpu: "64"}
            ---
            apiVersion: karpenter.k8s.aws/v1
            kind: EC2NodeClass
            metadata: {name: batch}
            spec:
              amiSelectorTerms: [{alias: al2023@latest}]
              role: KarpenterNodeRole
              kubelet: {maxPods: 58}
              blockDeviceMappings:
              - deviceName: /dev/xvda
                rootVolume: true
                ebs: {volumeSize: 100Gi, volumeType: gp3}
            """;

    @Test
    void dropsNodePoolAndWritesNodePoolCommand() {
        Proposal proposal = RuleHarness.of(new KarpenterNodePoolToAksNodePoolRule()).rewriteRun(ESTATE, """
                apiVersion: karpenter.k8s.aws/v1
                kind: EC2NodeClass
                metadata: {name: batch}
                spec:
                  amiSelectorTerms: [{alias: al2023@latest}]
                  role: KarpenterNodeRole
                  kubelet: {maxPods: 58}
                  blockDeviceMappings:
                  - deviceName: /dev/xvda
                    rootVolume: true
                    ebs: {volumeSize: 100Gi, volumeType: gp3}
                """);
        Artifact artifact = proposal.artifacts().stream()
                .filter(a -> a.path().equals(KarpenterNodePoolToAksNodePoolRule.ARTIFACT)).findFirst().orElseThrow();
        assertThat(artifact.content()).contains("--resource-group shop-rg --cluster-name shop-aks")
                .contains("--name batchspot --mode User --node-vm-size Standard_D4s_v3")
                .contains("--enable-cluster-autoscaler --min-count 0 --max-count 16")
                .contains("--priority Spot --eviction-policy Delete --spot-max-price -1")
                .contains("--zones 1 2").contains("--node-taints workload=batch:NoSchedule")
                .contains("--labels team=batch").contains("--node-osdisk-size 100").contains("--max-pods 58");
        assertThat(RuleHarness.changeFor(proposal, "NodePool", "batch-spot").findings())
                .anyMatch(f -> f.severity() == Severity.ACTION_REQUIRED && f.message().contains("batchspot"))
                .anyMatch(f -> f.message().contains("one VM size"));
    }

    @Test
    void reportsMissingClusterSettingsAndUnmappedZones() {
        Proposal proposal = RuleHarness.of(new KarpenterNodePoolToAksNodePoolRule())
                .settings("direction: eks-to-aks\n").run(ESTATE);
        assertThat(RuleHarness.changeFor(proposal, "NodePool", "batch-spot").findings()).extracting(Finding::settingKey)
                .contains("azure.resourceGroup", "azure.clusterName", "zones");
        assertThat(proposal.artifacts().get(0).content()).contains("<azure.resourceGroup>");
    }

    @Test
    void doesNothingInNapMode() {
        RuleHarness.of(new KarpenterNodePoolToAksNodePoolRule())
                .settings(RuleHarness.EKS_TO_AKS_SETTINGS + "autoscaling: {mode: nap}\n").rewriteRun(ESTATE);
    }
}
