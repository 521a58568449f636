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
import java.util.List;
import java.util.Optional;

/**
 * With {@code autoscaling.mode: node-pools} (the default), replaces each AWS Karpenter NodePool by an AKS node pool
 * with the cluster autoscaler: the NodePool is dropped and {@code autoscaling/aks-nodepools-karpenter.sh} lists one
 * {@code az aks nodepool add} per NodePool (VM size from the EC2 → VM table, count range from the CPU limit, spot,
 * taints, labels, zones, OS disk size and max pods of its EC2NodeClass).
 */
public final class KarpenterNodePoolToAksNodePoolRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("karpenter-nodepool-to-aks-node-pool",
            "Karpenter NodePool to AKS node pool",
            "Replaces each AWS Karpenter NodePool with an AKS node pool described as an az aks nodepool add command.",
            Edge.AUTOSCALING, Direction.EKS_TO_AKS, EksNodeLabels.MODE_SETTING, "azure.resourceGroup",
            "azure.clusterName", "zones");

    static final String ARTIFACT = "autoscaling/aks-nodepools-karpenter.sh";
    private static final int DEFAULT_MAX = 10;

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        if (EksNodeLabels.nap(context) || !KarpenterNodePools.isAwsNodePool(object)) {
            return;
        }
        AksPoolPlan plan = plan(object, context);
        List<Finding> findings = new ArrayList<>(plan.findings);
        findings.add(Finding.actionRequired("Create AKS node pool `" + plan.name + "` with the command in artifacts/"
                + ARTIFACT + " (" + plan.vmSize + ", " + plan.minCount + "-" + plan.maxCount + " nodes"
                + (plan.spot ? ", spot" : "") + ") before moving the workloads that selected NodePool `"
                + object.name() + "`."));
        output.drop(object, "NodePool `" + object.name() + "` → AKS node pool `" + plan.name + "`",
                "EDGES.md §7.4/§7.7: AWS Karpenter does not run on AKS; without Node Auto Provisioning "
                        + "(`autoscaling.mode: nap`), capacity comes from node pools scaled by the cluster "
                        + "autoscaler, one VM size each.", findings.toArray(Finding[]::new));
    }

    @Override
    public void finish(RuleContext context, RuleOutput output) {
        if (EksNodeLabels.nap(context)) {
            return;
        }
        StringBuilder script = new StringBuilder("#!/bin/sh\n# AKS node pools replacing the AWS Karpenter NodePools "
                + "(EDGES.md §7.4-7.7).\n# Review sizes and counts before running.\nset -e\n\n");
        int count = 0;
        for (KubeObject nodePool : context.estate().ofKind("NodePool")) {
            if (KarpenterNodePools.isAwsNodePool(nodePool)) {
                script.append(plan(nodePool, context).command(context)).append('\n');
                count++;
            }
        }
        if (count > 0) {
            output.artifact(ARTIFACT, script.toString(), "az aks nodepool add commands replacing the Karpenter "
                    + "NodePools");
        }
    }

    static AksPoolPlan plan(KubeObject nodePool, RuleContext context) {
        AksPoolPlan plan = new AksPoolPlan("NodePool " + nodePool.name(), EksNodeLabels.poolName(nodePool.name()));
        plan.findings.addAll(AksPoolPlan.settingFindings(context));
        List<String> types = KarpenterNodePools.values(nodePool, EksNodeLabels.INSTANCE_TYPE);
        List<String> families = KarpenterNodePools.values(nodePool, "karpenter.k8s.aws/instance-family");
        List<String> cpus = KarpenterNodePools.values(nodePool, "karpenter.k8s.aws/instance-cpu");
        if (!types.isEmpty()) {
            plan.vmSizeFrom(types);
        } else if (!families.isEmpty() && VmSizes.azureSeriesFor(families.get(0)).isPresent()) {
            String series = VmSizes.azureSeriesFor(families.get(0)).get();
            String cpu = cpus.isEmpty() ? "4" : cpus.get(0);
            plan.vmSize = "Standard_" + series.charAt(0) + cpu + series.substring(1);
            plan.findings.add(Finding.info("NodePool " + nodePool.name() + " chose instances by family " + families
                    + "; `" + plan.vmSize + "` was derived from the family table (EDGES.md §7.7). Check it exists "
                    + "in the region."));
        } else {
            plan.findings.add(Finding.warning("NodePool " + nodePool.name() + " let Karpenter pick any instance type; "
                    + "an AKS node pool has one VM size, so `" + AksPoolPlan.DEFAULT_SIZE + "` (4 vCPU / 16 GiB) "
                    + "was written. Adjust `--node-vm-size`, or use `autoscaling.mode: nap`."));
        }
        List<String> capacity = KarpenterNodePools.values(nodePool, EksNodeLabels.KARPENTER_CAPACITY);
        plan.spot = capacity.equals(List.of("spot"));
        if (capacity.contains("spot") && !plan.spot) {
            plan.findings.add(Finding.info("NodePool " + nodePool.name() + " allowed spot and on-demand; the AKS pool "
                    + "is on-demand. Add a second, spot pool if the savings matter."));
        }
        plan.zonesFrom(KarpenterNodePools.values(nodePool, "topology.kubernetes.io/zone"), context);
        plan.taintsFrom(nodePool.at("/spec/template/spec/taints"));
        nodePool.at("/spec/template/metadata/labels").fields().forEachRemaining(e -> {
            if (!e.getKey().startsWith("kubernetes.azure.com/") && !e.getKey().contains("kubernetes.io/")) {
                plan.labels.put(e.getKey(), e.getValue().asText());
            }
        });
        plan.windows = KarpenterNodePools.values(nodePool, "kubernetes.io/os").equals(List.of("windows"));
        int vcpu = VmSizes.ec2For(plan.vmSize).map(VmSizes.Match::ec2Cpu).filter(c -> c > 0).orElse(4);
        String cpuLimit = nodePool.at("/spec/limits/cpu").asText("");
        plan.maxCount = DEFAULT_MAX;
        if (cpuLimit.matches("\\d+")) {
            plan.maxCount = Math.max(1, Math.min(1000, (int) Math.ceil(Integer.parseInt(cpuLimit) / (double) vcpu)));
        } else {
            plan.findings.add(Finding.info("NodePool " + nodePool.name() + " has no CPU limit; the AKS pool scales to "
                    + DEFAULT_MAX + " nodes. Adjust `--max-count`."));
        }
        JsonNode ref = nodePool.at("/spec/template/spec/nodeClassRef");
        Optional<KubeObject> nodeClass = context.estate().find("EC2NodeClass", "", ref.path("name").asText());
        nodeClass.flatMap(KarpenterNodePools::rootVolumeGiB).ifPresent(gib -> plan.osDiskGb = gib);
        nodeClass.map(c -> c.at("/spec/kubelet/maxPods")).filter(JsonNode::isInt).ifPresent(n -> plan.maxPods = n.asInt());
        if (!nodePool.at("/spec/disruption").isMissingNode() || !nodePool.at("/spec/template/spec/expireAfter")
                .isMissingNode()) {
            plan.findings.add(Finding.info("NodePool " + nodePool.name() + "'s disruption settings (consolidation, "
                    + "expireAfter, budgets) have no node-pool counterpart: the cluster autoscaler removes empty or "
                    + "underused nodes (`--scale-down-*` profile) and node images are refreshed by the auto-upgrade "
                    + "channel."));
        }
        return plan;
    }
}
