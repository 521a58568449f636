package dev.ferry.engine.rule.autoscaling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class ManagedNodeGroupToAksNodePoolRuleTest {

    private static String node(String name, String group, String type, String zone, String capacity) {
        return """
                apiVersion: v1
                kind: Node
                metadata:
                  name: %s
                  labels:
                    eks.amazonaws.com/nodegroup: %s
                    eks.amazonaws.com/capacityType: %s
                    eks.amazonaws.com/nodegroup-image: ami-0abc
                    node.kubernetes.io/instance-type: %s
                    topology.kubernetes.io/zone: %s
                    kubernetes.io/os: linux
                    workload: web
                spec:
                  taints: [{key: dedicated, value: web, effect: NoSchedule}]
                """.formatted(name, group, capacity, type, zone);
    }

    @Test
    void describesAPoolPerManagedNodeGroup() {
        Proposal proposal = RuleHarness.of(new ManagedNodeGroupToAksNodePoolRule())
                .nodes(node("ip-10-0-1-1", "web-ng", "m6i.xlarge", "eu-west-1a", "ON_DEMAND") + "---\n"
                        + node("ip-10-0-2-1", "web-ng", "m6i.xlarge", "eu-west-1b", "ON_DEMAND") + "---\n"
                        + node("ip-10-0-3-1", "spot-ng", "r5.large", "eu-west-1c", "SPOT"))
                .rewriteRun("""
                apiVersion: v1
                kind: Namespace
                metadata: {name: shop}
                """);
        String script = proposal.artifacts().get(0).content();
        assertThat(script).contains("--name webng --mode User --node-vm-size Standard_D4s_v5")
                .contains("--min-count 2 --max-count 2").contains("--zones 1 2")
                .contains("--node-taints dedicated=web:NoSchedule").contains("--labels workload=web")
                .contains("--name spotng").contains("--node-vm-size Standard_E2s_v3").contains("--priority Spot");
        assertThat(RuleHarness.changeFor(proposal, "Node", "ip-10-0-1-1").findings())
                .anyMatch(f -> f.severity() == Severity.WARNING && f.message().contains("ami-0abc"))
                .anyMatch(f -> f.message().contains("kubernetes.azure.com/agentpool: webng"));
    }

    @Test
    void writesNothingWithoutNodeGroups() {
        Proposal proposal = RuleHarness.of(new ManagedNodeGroupToAksNodePoolRule()).rewriteRun("""
                apiVersion: v1
                kind: Namespace
                metadata: {name: shop}
                """);
        assertThat(proposal.artifacts()).isEmpty();
    }
}
