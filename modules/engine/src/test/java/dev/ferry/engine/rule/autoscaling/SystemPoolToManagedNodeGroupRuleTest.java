package dev.ferry.engine.rule.autoscaling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Artifact;
import dev.ferry.engine.Change;
import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import dev.ferry.model.io.Yaml;
import org.junit.jupiter.api.Test;

class SystemPoolToManagedNodeGroupRuleTest {

    private static final String NAMESPACE = """
            apiVersion: v1
            kind: Namespace
            metadata: {name: shop}
            """;

    @Test
    void writesEksctlManagedNodeGroupForSystemPool() {
        Proposal proposal = RuleHarness.of(new SystemPoolToManagedNodeGroupRule()).nodes(AksNodes.CLUSTER)
                .rewriteRun(NAMESPACE);

        Artifact artifact = proposal.artifacts().stream()
                .filter(a -> a.path().equals("autoscaling/eksctl-nodegroups.yaml")).findFirst().orElseThrow();
        assertThat(Yaml.parse(artifact.content())).isEqualTo(Yaml.parse("""
                apiVersion: eksctl.io/v1alpha5
                kind: ClusterConfig
                metadata: {name: shop-eks, region: eu-west-1}
                managedNodeGroups:
                  - name: system
                    instanceType: m6i.xlarge
                    amiFamily: AmazonLinux2023
                    minSize: 2
                    maxSize: 2
                    desiredCapacity: 2
                    availabilityZones: [eu-west-1a, eu-west-1b]
                    labels: {ferry.dev/mode: system}
                    taints: [{key: CriticalAddonsOnly, value: "true", effect: NoSchedule}]
                """));
        Change node = RuleHarness.changeFor(proposal, "Node", "aks-system-1-vmss000000");
        assertThat(node.findings()).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.message()).contains("managed node group").contains("Karpenter");
        });
    }

    @Test
    void unknownSizeAndUnmappedZonesNeedAction() {
        String nodes = AksNodes.node("aks-sys-1-vmss000000", "sys", "system", "Standard_A4_v2", "westeurope-1", "", "");
        Proposal proposal = RuleHarness.of(new SystemPoolToManagedNodeGroupRule()).nodes(nodes)
                .settings("aws: {clusterName: shop-eks, region: eu-west-1}\n").rewriteRun(NAMESPACE);

        Change node = RuleHarness.changeFor(proposal, "Node", "aks-sys-1-vmss000000");
        assertThat(node.findings()).filteredOn(f -> f.severity() == Severity.ACTION_REQUIRED).hasSize(2)
                .anyMatch(f -> f.message().contains("Standard_A4_v2"))
                .anyMatch(f -> f.settingKey().equals("zones"));
        assertThat(proposal.artifacts().get(0).content()).contains("instanceType: \"<EC2 type for [Standard_A4_v2]>\"")
                .doesNotContain("availabilityZones");
    }

    @Test
    void noArtifactWithoutSystemPool() {
        Proposal proposal = RuleHarness.of(new SystemPoolToManagedNodeGroupRule()).nodes(AksNodes.WEB)
                .rewriteRun(NAMESPACE);

        assertThat(proposal.artifacts()).isEmpty();
        assertThat(proposal.changes()).isEmpty();
    }
}
