package dev.ferry.engine.rule.autoscaling;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.Finding;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.rule.RuleInfo;
import dev.ferry.engine.rule.RuleOutput;
import dev.ferry.model.KubeObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Describes an AKS node pool for each EKS managed node group seen on the source cluster's Nodes (label
 * {@code eks.amazonaws.com/nodegroup}): VM size from the instance type (EDGES.md §7.7), count pinned to today's nodes,
 * spot from {@code eks.amazonaws.com/capacityType}, zones through {@code zones}, user labels and taints. Written to
 * {@code autoscaling/aks-nodepools-node-groups.sh} in both autoscaling modes (NAP does not host system add-ons).
 */
public final class ManagedNodeGroupToAksNodePoolRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("managed-node-group-to-aks-node-pool",
            "EKS managed node group to AKS node pool",
            "Describes an AKS node pool for each EKS managed node group found on the source Nodes.",
            Edge.AUTOSCALING, Direction.EKS_TO_AKS, "azure.resourceGroup", "azure.clusterName", "zones");

    static final String ARTIFACT = "autoscaling/aks-nodepools-node-groups.sh";

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void finish(RuleContext context, RuleOutput output) {
        Map<String, List<KubeObject>> groups = new LinkedHashMap<>();
        for (KubeObject node : context.estate().nodes()) {
            String group = node.labels().get(EksNodeLabels.NODEGROUP);
            if (group != null && !group.isBlank()) {
                groups.computeIfAbsent(group, g -> new ArrayList<>()).add(node);
            }
        }
        if (groups.isEmpty()) {
            return;
        }
        StringBuilder script = new StringBuilder("#!/bin/sh\n# AKS node pools replacing the EKS managed node groups "
                + "(EDGES.md §7.3, §7.7).\n# Counts are pinned to the source node count; adjust min/max. The "
                + "cluster's system pool is created with the cluster:\n# run system add-ons there (it may replace "
                + "one of these groups).\nset -e\n\n");
        for (Map.Entry<String, List<KubeObject>> group : groups.entrySet()) {
            AksPoolPlan plan = plan(group.getKey(), group.getValue(), context);
            script.append(plan.command(context)).append('\n');
            List<Finding> findings = new ArrayList<>(plan.findings);
            findings.add(Finding.info("Managed node group `" + group.getKey() + "` (" + group.getValue().size()
                    + " nodes) → AKS node pool `" + plan.name + "` (" + plan.vmSize + (plan.spot ? ", spot" : "")
                    + "); see artifacts/" + ARTIFACT + ". Workload selectors on `eks.amazonaws.com/nodegroup: "
                    + group.getKey() + "` become `kubernetes.azure.com/agentpool: " + plan.name + "`."));
            findings.forEach(f -> output.finding(group.getValue().get(0), f));
        }
        output.artifact(ARTIFACT, script.toString(), "az aks nodepool add commands replacing the EKS managed node "
                + "groups");
    }

    static AksPoolPlan plan(String group, List<KubeObject> nodes, RuleContext context) {
        AksPoolPlan plan = new AksPoolPlan("managed node group " + group, EksNodeLabels.poolName(group));
        plan.findings.addAll(AksPoolPlan.settingFindings(context));
        TreeSet<String> types = new TreeSet<>();
        TreeSet<String> zones = new TreeSet<>();
        for (KubeObject node : nodes) {
            String type = node.labels().getOrDefault(EksNodeLabels.INSTANCE_TYPE,
                    node.labels().get(EksNodeLabels.LEGACY_INSTANCE_TYPE));
            if (type != null) {
                types.add(type);
            }
            String zone = node.labels().get("topology.kubernetes.io/zone");
            if (zone != null) {
                zones.add(zone);
            }
        }
        if (!types.isEmpty()) {
            plan.vmSizeFrom(new ArrayList<>(types));
        }
        plan.zonesFrom(new ArrayList<>(zones), context);
        KubeObject first = nodes.get(0);
        plan.spot = "SPOT".equalsIgnoreCase(first.labels().get(EksNodeLabels.EKS_CAPACITY));
        plan.windows = "windows".equals(first.labels().get("kubernetes.io/os"));
        plan.minCount = nodes.size();
        plan.maxCount = nodes.size();
        JsonNode taints = first.at("/spec/taints");
        plan.taintsFrom(taints);
        first.labels().forEach((k, v) -> {
            if (!k.contains("kubernetes.io/") && !k.contains("k8s.io/") && !k.startsWith("eks.amazonaws.com/")
                    && !k.startsWith("karpenter.") && !k.startsWith("kubernetes.azure.com/")
                    && !k.startsWith("alpha.eksctl.io/") && !k.equals("k8s.amazonaws.com/accelerator")) {
                plan.labels.put(k, v);
            }
        });
        if (first.labels().containsKey("eks.amazonaws.com/nodegroup-image")
                || first.labels().containsKey("eks.amazonaws.com/sourceLaunchTemplateId")) {
            plan.findings.add(Finding.warning("Managed node group " + group + " runs AMI `"
                    + first.labels().getOrDefault("eks.amazonaws.com/nodegroup-image", "?") + "`"
                    + (first.labels().containsKey("eks.amazonaws.com/sourceLaunchTemplateId") ? " from a custom launch "
                    + "template" : "") + ". AKS runs its own node images: carry AMI or launch-template customizations "
                    + "as kubelet/OS custom configuration and DaemonSets (EDGES.md §10.2)."));
        }
        return plan;
    }
}
