package dev.ferry.engine.rule.networking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Artifact;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class VpcCniIpPlanRuleTest {

    private final RuleHarness harness = RuleHarness.of(new VpcCniIpPlanRule());

    @Test
    void countsReplicasHpaMaximaAndDaemonSetsButNotHostNetworkPods() {
        Proposal proposal = harness.nodes("""
                apiVersion: v1
                kind: Node
                metadata:
                  name: aks-nodepool1-0
                  labels: {node.kubernetes.io/instance-type: Standard_D4s_v5}
                """).rewriteRun("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: shop}
                spec: {replicas: 4, template: {spec: {containers: [{name: web, image: nginx}]}}}
                ---
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata: {name: web, namespace: shop}
                spec: {scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}, minReplicas: 2, maxReplicas: 10}
                ---
                apiVersion: apps/v1
                kind: StatefulSet
                metadata: {name: db, namespace: shop}
                spec: {replicas: 3, template: {spec: {containers: [{name: db, image: postgres}]}}}
                ---
                apiVersion: apps/v1
                kind: DaemonSet
                metadata: {name: log-agent, namespace: ops}
                spec: {template: {spec: {containers: [{name: agent, image: fluent-bit}]}}}
                ---
                apiVersion: apps/v1
                kind: DaemonSet
                metadata: {name: node-exporter, namespace: ops}
                spec: {template: {spec: {hostNetwork: true, containers: [{name: x, image: node-exporter}]}}}
                """);
        Artifact plan = proposal.artifacts().stream().filter(a -> a.path().equals("networking/ip-plan.md"))
                .findFirst().orElseThrow();
        assertThat(plan.content())
                .contains("Workload pods (replicas, or HPA `maxReplicas` when higher): **13**")
                .contains("Peak during rolling updates (Deployments +25 % surge, the default): **16**")
                .contains("DaemonSets that take a pod IP on every node: **1** (ops/log-agent)")
                .contains("Source nodes: 1 (Standard_D4s_v5)")
                .contains("| m5.large | 2 | 29 | 110 |")
                .doesNotContain("node-exporter");
    }

    @Test
    void writesNothingForAnEstateWithoutPods() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: settings}
                data: {a: b}
                """);
        assertThat(proposal.artifacts()).isEmpty();
    }

    @Test
    void picksTheSmallestSubnetThatFits() {
        assertThat(VpcCniIpPlanRule.prefixLength(16)).isEqualTo(28);
        assertThat(VpcCniIpPlanRule.prefixLength(17)).isEqualTo(27);
        assertThat(VpcCniIpPlanRule.prefixLength(4000)).isEqualTo(20);
    }
}
