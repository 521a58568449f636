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
import dev.ferry.model.io.Yaml;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns AKS system pools into an eksctl managed-node-group snippet ({@code autoscaling/eksctl-nodegroups.yaml})
 * rather than a Karpenter NodePool: on EKS the system add-ons, Karpenter itself included, run on a managed node group
 * (or EKS Auto Mode), not on capacity Karpenter provisions (EDGES.md §7.1–7.3). Each system pool gets an info finding
 * on its first Node saying so.
 */
public final class SystemPoolToManagedNodeGroupRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("aks-system-pool-to-managed-node-group",
            "AKS system pool to EKS managed node group",
            "Writes an eksctl managed node group for each AKS system node pool, where EKS system add-ons and "
                    + "Karpenter run.", Edge.AUTOSCALING, Direction.AKS_TO_EKS, "aws.clusterName", "aws.region", "zones");

    static final String ARTIFACT = "autoscaling/eksctl-nodegroups.yaml";

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void finish(RuleContext context, RuleOutput output) {
        List<AksNodePool> system = AksNodePool.of(context.estate().nodes()).values().stream()
                .filter(AksNodePool::system).toList();
        if (system.isEmpty()) {
            return;
        }
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode config = json.objectNode().put("apiVersion", "eksctl.io/v1alpha5").put("kind", "ClusterConfig");
        config.putObject("metadata")
                .put("name", context.settings().text("aws.clusterName", UserPoolToEc2NodeClassRule.CLUSTER_PLACEHOLDER))
                .put("region", context.settings().text("aws.region", "<aws.region>"));
        ArrayNode groups = config.putArray("managedNodeGroups");
        Map<String, String> zoneMap = context.settings().map("zones");
        for (AksNodePool pool : system) {
            ObjectNode group = groups.addObject().put("name", pool.name());
            Optional<VmSizes.Match> match = pool.vmSizes().size() == 1
                    ? VmSizes.ec2For(pool.vmSizes().first()) : Optional.empty();
            group.put("instanceType", match.map(VmSizes.Match::ec2Type).orElse("<EC2 type for " + pool.vmSizes() + ">"));
            group.put("amiFamily", pool.os().equalsIgnoreCase("windows") ? "WindowsServer2022FullContainer" : "AmazonLinux2023");
            group.put("minSize", pool.nodeCount()).put("maxSize", pool.nodeCount()).put("desiredCapacity", pool.nodeCount());
            List<String> zones = pool.zones().stream().map(zoneMap::get).toList();
            if (!zones.isEmpty() && !zones.contains(null)) {
                zones.forEach(group.putArray("availabilityZones")::add);
            }
            ObjectNode labels = group.putObject("labels");
            pool.labels().forEach(labels::put);
            labels.put(NodeLabels.MODE, "system");
            if (!pool.taints().isEmpty()) {
                group.set("taints", NodeLabels.taints(pool.taints()));
            }
            output.finding(pool.nodes().get(0), Finding.info("AKS system pool `" + pool.name() + "` ("
                    + pool.nodeCount() + " × " + String.join(", ", pool.vmSizes()) + ") is not turned into a Karpenter "
                    + "NodePool: on EKS, system add-ons and Karpenter itself run on a managed node group (or EKS Auto "
                    + "Mode). Review managed node group `" + pool.name() + "` in artifacts/" + ARTIFACT
                    + " (sizes pinned to today's node count) and merge it into your eksctl cluster config."));
            if (match.isEmpty()) {
                output.finding(pool.nodes().get(0), Finding.actionRequired("AKS system pool `" + pool.name()
                        + "` runs VM size " + pool.vmSizes() + ", which Ferry's table (EDGES.md §7.7) does not map; "
                        + "set `instanceType` of node group `" + pool.name() + "` in artifacts/" + ARTIFACT + "."));
            }
            if (zones.contains(null)) {
                output.finding(pool.nodes().get(0), Finding.missingSetting("zones", "AKS system pool `" + pool.name()
                        + "` runs in zones " + pool.zones() + ", which `zones` does not map; its managed node group "
                        + "has no availabilityZones until you add them."));
            }
        }
        output.artifact(ARTIFACT, "# eksctl managed node groups for the AKS system pools (EDGES.md §7.1-7.3).\n"
                + "# Merge into your ClusterConfig; sizes are pinned to the source node count, adjust min/max.\n"
                + Yaml.write(config), "eksctl managed node groups replacing the AKS system node pools");
    }
}
