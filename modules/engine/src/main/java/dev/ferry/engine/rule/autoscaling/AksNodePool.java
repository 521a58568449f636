package dev.ferry.engine.rule.autoscaling;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.model.KubeObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One AKS node pool as seen through its Node objects (EDGES.md §7.1–7.2): what every node of the pool has in common.
 *
 * @param name      the pool name ({@code kubernetes.azure.com/agentpool}, or the deprecated {@code agentpool})
 * @param system    true for a pool in {@code kubernetes.azure.com/mode: system}
 * @param spot      true for a spot pool (priority label or the spot taint)
 * @param vmSizes   the VM sizes of its nodes (one, unless the pool was being resized)
 * @param zones     the Azure zones of its nodes ({@code westeurope-1}); empty or {@code 0} when the pool is regional
 * @param os        {@code kubernetes.io/os}
 * @param arch      {@code kubernetes.io/arch}
 * @param osSku     {@code kubernetes.azure.com/os-sku}, or empty
 * @param skuCpu    {@code kubernetes.azure.com/sku-cpu}, or empty
 * @param skuMemory {@code kubernetes.azure.com/sku-memory} (GB as AKS writes it), or empty
 * @param labels    user labels every node carries (reserved prefixes left out)
 * @param taints    user taints every node carries (the spot taint and node-lifecycle taints left out)
 * @param nodes     the pool's nodes, in input order
 */
record AksNodePool(String name, boolean system, boolean spot, SortedSet<String> vmSizes, SortedSet<String> zones,
                   String os, String arch, String osSku, String skuCpu, String skuMemory, Map<String, String> labels,
                   List<JsonNode> taints, List<KubeObject> nodes) {

    static final String POOL_LABEL = "kubernetes.azure.com/agentpool";
    static final String LEGACY_POOL_LABEL = "agentpool";
    static final String MODE_LABEL = "kubernetes.azure.com/mode";
    static final String SPOT_LABEL = "kubernetes.azure.com/scalesetpriority";
    static final String PRIORITY_LABEL = "kubernetes.azure.com/priority";
    static final String INSTANCE_TYPE = "node.kubernetes.io/instance-type";
    static final String LEGACY_INSTANCE_TYPE = "beta.kubernetes.io/instance-type";
    static final String ZONE = "topology.kubernetes.io/zone";

    int nodeCount() {
        return nodes.size();
    }

    /** The pool's nodes grouped by pool name, in the order pools first appear; nodes without a pool label are skipped. */
    static Map<String, AksNodePool> of(List<KubeObject> nodes) {
        Map<String, List<KubeObject>> byPool = new LinkedHashMap<>();
        for (KubeObject node : nodes) {
            poolOf(node).ifPresent(pool -> byPool.computeIfAbsent(pool, k -> new ArrayList<>()).add(node));
        }
        Map<String, AksNodePool> pools = new LinkedHashMap<>();
        byPool.forEach((name, members) -> pools.put(name, build(name, members)));
        return pools;
    }

    static Optional<String> poolOf(KubeObject node) {
        Map<String, String> labels = node.labels();
        if ("virtual-kubelet".equals(labels.get("type"))) {
            return Optional.empty();
        }
        String pool = labels.getOrDefault(POOL_LABEL, labels.get(LEGACY_POOL_LABEL));
        return pool == null || pool.isBlank() ? Optional.empty() : Optional.of(pool);
    }

    private static AksNodePool build(String name, List<KubeObject> members) {
        SortedSet<String> sizes = new TreeSet<>();
        SortedSet<String> zones = new TreeSet<>();
        boolean system = false;
        boolean spot = false;
        Map<String, String> common = null;
        List<JsonNode> taints = null;
        for (KubeObject node : members) {
            Map<String, String> labels = node.labels();
            String size = labels.getOrDefault(INSTANCE_TYPE, labels.get(LEGACY_INSTANCE_TYPE));
            if (size != null && !size.isBlank()) {
                sizes.add(size);
            }
            String zone = labels.get(ZONE);
            if (zone != null && !zone.isBlank() && !zone.equals("0")) {
                zones.add(zone);
            }
            system |= "system".equalsIgnoreCase(labels.get(MODE_LABEL));
            spot |= "spot".equalsIgnoreCase(labels.get(SPOT_LABEL)) || "spot".equalsIgnoreCase(labels.get(PRIORITY_LABEL));
            List<JsonNode> nodeTaints = new ArrayList<>();
            for (JsonNode taint : node.at("/spec/taints")) {
                if (NodeLabels.isSpotTaint(taint)) {
                    spot = true;
                } else if (NodeLabels.isUserTaint(taint.path("key").asText())) {
                    nodeTaints.add(taint);
                }
            }
            Map<String, String> userLabels = new TreeMap<>();
            labels.forEach((k, v) -> {
                if (NodeLabels.isUserLabel(k)) {
                    userLabels.put(k, v);
                }
            });
            if (common == null) {
                common = userLabels;
                taints = nodeTaints;
            } else {
                common.entrySet().retainAll(userLabels.entrySet());
                taints.retainAll(nodeTaints);
            }
        }
        Map<String, String> first = members.get(0).labels();
        return new AksNodePool(name, system, spot, sizes, zones, first.getOrDefault("kubernetes.io/os", "linux"),
                first.getOrDefault("kubernetes.io/arch", "amd64"), first.getOrDefault("kubernetes.azure.com/os-sku", ""),
                first.getOrDefault("kubernetes.azure.com/sku-cpu", ""),
                first.getOrDefault("kubernetes.azure.com/sku-memory", ""), Collections.unmodifiableSortedMap(new TreeMap<>(common)), List.copyOf(taints),
                List.copyOf(members));
    }
}
