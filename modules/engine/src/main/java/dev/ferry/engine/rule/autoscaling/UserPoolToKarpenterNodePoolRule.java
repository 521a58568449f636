package dev.ferry.engine.rule.autoscaling;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.Map;
import java.util.Optional;

/**
 * Generates one Karpenter v1 {@code NodePool} per AKS user pool found among the source cluster's Nodes (EDGES.md
 * §7.4): the VM size becomes an instance-type requirement (§7.7), spot becomes {@code karpenter.sh/capacity-type},
 * zones are mapped through the {@code zones} setting, user labels and taints are carried, a spot pool is tainted
 * {@code karpenter.sh/capacity-type=spot:NoSchedule} in place of the AKS spot taint, and limits cap the pool at
 * today's node count. The NodePool and its EC2NodeClass carry the pool's name.
 */
public final class UserPoolToKarpenterNodePoolRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("aks-user-pool-to-karpenter-nodepool", "AKS user pool to Karpenter NodePool",
            "Generates a Karpenter NodePool for each AKS user node pool, with its instance type, capacity type, zones, "
                    + "labels, taints and limits.", Edge.AUTOSCALING, Direction.AKS_TO_EKS, "zones");

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void finish(RuleContext context, RuleOutput output) {
        Map<String, String> zoneMap = context.settings().map("zones");
        for (AksNodePool pool : AksNodePool.of(context.estate().nodes()).values()) {
            if (!pool.system()) {
                List<Finding> findings = new ArrayList<>();
                ObjectNode nodePool = nodePool(pool, zoneMap, findings);
                output.generate(nodePool, "Karpenter NodePool `" + pool.name() + "` for AKS user pool `" + pool.name() + "`",
                        "EDGES.md §7.1, §7.4, §7.7: AKS user pools are scaled by the cluster autoscaler; on EKS "
                                + "Karpenter provisions nodes from a NodePool. Disruption settings are Karpenter's "
                                + "documented defaults (WhenEmptyOrUnderutilized, 0s, 10% budget, expireAfter 720h).",
                        findings.toArray(Finding[]::new));
            }
        }
    }

    static ObjectNode nodePool(AksNodePool pool, Map<String, String> zoneMap, List<Finding> findings) {
        ObjectNode root = JSON.objectNode().put("apiVersion", "karpenter.sh/v1").put("kind", "NodePool");
        root.putObject("metadata").put("name", pool.name());
        ObjectNode spec = root.putObject("spec");
        ObjectNode template = spec.putObject("template");
        ObjectNode labels = template.putObject("metadata").putObject("labels");
        pool.labels().forEach(labels::put);
        labels.put(NodeLabels.MODE, "user");
        ObjectNode podSpec = template.putObject("spec");
        podSpec.putObject("nodeClassRef").put("group", "karpenter.k8s.aws").put("kind", "EC2NodeClass")
                .put("name", pool.name());
        ArrayNode requirements = podSpec.putArray("requirements");
        List<VmSizes.Match> matches = instanceTypes(pool, requirements, findings);
        requirement(requirements, NodeLabels.CAPACITY_TYPE, pool.spot() ? "spot" : "on-demand");
        zones(pool, zoneMap, requirements, findings);
        requirement(requirements, "kubernetes.io/arch", pool.arch());
        requirement(requirements, "kubernetes.io/os", pool.os());
        ArrayNode taints = NodeLabels.taints(pool.taints());
        if (pool.spot()) {
            taints.addObject().put("key", NodeLabels.SPOT_TAINT_KEY).put("value", "spot").put("effect", "NoSchedule");
            findings.add(Finding.info("Spot pool: the NodePool is tainted `" + NodeLabels.SPOT_TAINT_KEY
                    + "=spot:NoSchedule` to keep AKS's spot isolation (EDGES.md §7.2); Ferry rewrites the "
                    + "`kubernetes.azure.com/scalesetpriority` tolerations of workloads to match."));
        }
        if (!taints.isEmpty()) {
            podSpec.set("taints", taints);
        }
        podSpec.put("expireAfter", "720h");
        ObjectNode disruption = spec.putObject("disruption");
        disruption.put("consolidationPolicy", "WhenEmptyOrUnderutilized").put("consolidateAfter", "0s");
        disruption.putArray("budgets").addObject().put("nodes", "10%");
        limits(pool, matches, spec, findings);
        return root;
    }

    private static List<VmSizes.Match> instanceTypes(AksNodePool pool, ArrayNode requirements, List<Finding> findings) {
        List<VmSizes.Match> matches = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String size : pool.vmSizes()) {
            Optional<VmSizes.Match> match = VmSizes.ec2For(size);
            match.ifPresentOrElse(matches::add, () -> unknown.add(size));
            match.filter(m -> m.fit() != VmSizes.Fit.SAME_SHAPE).ifPresent(m -> findings.add(Finding.warning(
                    "Azure VM size `" + size + "` became `" + m.ec2Type() + "` (" + m.ec2Cpu() + " vCPU"
                            + (m.ec2MemoryGiB() > 0 ? ", " + m.ec2MemoryGiB() + " GiB" : "") + "), "
                            + (m.fit() == VmSizes.Fit.CLOSEST ? "the closest listed match, not the same shape"
                            : "derived from the family table, not a listed row") + " (EDGES.md §7.7); check it fits.")));
        }
        if (!unknown.isEmpty() || pool.vmSizes().isEmpty()) {
            String shape = pool.skuCpu().isEmpty() ? "vCPU and memory unknown"
                    : pool.skuCpu() + " vCPU, " + (pool.skuMemory().isEmpty() ? "memory unknown" : pool.skuMemory() + " GB");
            findings.add(Finding.actionRequired("AKS pool `" + pool.name() + "` runs VM size "
                    + (unknown.isEmpty() ? "(no instance-type label)" : "`" + String.join("`, `", unknown) + "`")
                    + " (" + shape + "), which Ferry's table (EDGES.md §7.7) does not map; add a "
                    + "`node.kubernetes.io/instance-type` requirement with an EC2 type of that shape."));
            if (!pool.skuCpu().isEmpty() && matches.isEmpty()) {
                requirement(requirements, "karpenter.k8s.aws/instance-cpu", pool.skuCpu());
            }
            if (!unknown.isEmpty()) {
                return List.of();
            }
        }
        if (!matches.isEmpty()) {
            requirement(requirements, AksNodePool.INSTANCE_TYPE,
                    matches.stream().map(VmSizes.Match::ec2Type).distinct().toArray(String[]::new));
        }
        return matches;
    }

    private static void zones(AksNodePool pool, Map<String, String> zoneMap, ArrayNode requirements,
                              List<Finding> findings) {
        if (pool.zones().isEmpty()) {
            return;
        }
        List<String> missing = pool.zones().stream().filter(z -> !zoneMap.containsKey(z)).toList();
        if (!missing.isEmpty()) {
            findings.add(Finding.missingSetting("zones", "AKS pool `" + pool.name() + "` runs in zones " + missing
                    + ", which `zones` does not map to AWS availability zones; the NodePool has no zone requirement "
                    + "until you add them (EDGES.md §4.10)."));
            return;
        }
        requirement(requirements, "topology.kubernetes.io/zone",
                pool.zones().stream().map(zoneMap::get).distinct().toArray(String[]::new));
    }

    private static void limits(AksNodePool pool, List<VmSizes.Match> matches, ObjectNode spec, List<Finding> findings) {
        if (matches.isEmpty() || matches.size() != pool.vmSizes().size()) {
            return;
        }
        int cpu = 0;
        int memory = 0;
        for (KubeObject node : pool.nodes()) {
            String size = node.labels().getOrDefault(AksNodePool.INSTANCE_TYPE,
                    node.labels().getOrDefault(AksNodePool.LEGACY_INSTANCE_TYPE, ""));
            VmSizes.Match match = VmSizes.ec2For(size).orElse(matches.get(0));
            cpu += match.ec2Cpu();
            memory = match.ec2MemoryGiB() == 0 || memory < 0 ? -1 : memory + match.ec2MemoryGiB();
        }
        ObjectNode limits = spec.putObject("limits").put("cpu", String.valueOf(cpu));
        if (memory > 0) {
            limits.put("memory", memory + "Gi");
        }
        findings.add(Finding.warning("The NodePool's limits cap it at today's " + pool.nodeCount() + " node(s) of AKS "
                + "pool `" + pool.name() + "`. Node objects do not show the pool's autoscaler maximum: raise the "
                + "limits to max count × instance size if the pool scaled out further."));
    }

    static void requirement(ArrayNode requirements, String key, String... values) {
        ArrayNode array = requirements.addObject().put("key", key).put("operator", "In").putArray("values");
        for (String value : values) {
            array.add(value);
        }
    }
}
