package dev.ferry.engine.rule.autoscaling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.engine.Finding;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which node labels and taints are AKS-reserved, and what a node-label selector on one of them becomes on EKS
 * (EDGES.md §7.1–7.3, §7.7). Shared by the nodeSelector and node-affinity rules so both translate alike.
 *
 * <p>Decisions: a user pool becomes a Karpenter NodePool of the same name, selected by {@code karpenter.sh/nodepool}
 * (Karpenter sets it on every node it launches); a system pool becomes an EKS managed node group of the same name,
 * selected by {@code eks.amazonaws.com/nodegroup}. {@code kubernetes.azure.com/mode} has no EKS label (§7.1: "use a
 * custom label"), so Ferry labels NodePools and the system node group {@code ferry.dev/mode: user|system}.
 */
final class NodeLabels {

    static final String NODEPOOL = "karpenter.sh/nodepool";
    static final String NODEGROUP = "eks.amazonaws.com/nodegroup";
    static final String CAPACITY_TYPE = "karpenter.sh/capacity-type";
    static final String MODE = "ferry.dev/mode";
    /** The taint Ferry puts on spot NodePools, in place of AKS's {@code kubernetes.azure.com/scalesetpriority=spot}. */
    static final String SPOT_TAINT_KEY = CAPACITY_TYPE;

    private static final Set<String> LEGACY_UNPREFIXED = Set.of(AksNodePool.LEGACY_POOL_LABEL, "storageprofile",
            "storagetier", "accelerator");

    private NodeLabels() {
    }

    static boolean isSpotTaint(JsonNode taint) {
        return AksNodePool.SPOT_LABEL.equals(taint.path("key").asText());
    }

    /** A taint the pool's owner set, as opposed to AKS, the node lifecycle or an autoscaler. */
    static boolean isUserTaint(String key) {
        return !key.isEmpty() && !key.startsWith("kubernetes.azure.com/") && !key.startsWith("karpenter.")
                && !domain(key).endsWith("kubernetes.io") && !key.equals("ToBeDeletedByClusterAutoscaler")
                && !key.equals("DeletionCandidateOfClusterAutoscaler");
    }

    /** A label the pool's owner set ({@code --labels}); reserved and Karpenter-restricted domains are not. */
    static boolean isUserLabel(String key) {
        String domain = domain(key);
        return !LEGACY_UNPREFIXED.contains(key) && !key.startsWith("kubernetes.azure.com/")
                && !domain.endsWith("kubernetes.io") && !domain.endsWith("k8s.io") && !domain.startsWith("topology.")
                && !domain.endsWith("karpenter.sh") && !domain.endsWith("karpenter.k8s.aws")
                && !domain.endsWith("eks.amazonaws.com");
    }

    /** Node taints as NodePool / node-group taints: key, value and effect only ({@code timeAdded} is the node's). */
    static ArrayNode taints(List<JsonNode> nodeTaints) {
        ArrayNode taints = JsonNodeFactory.instance.arrayNode();
        for (JsonNode taint : nodeTaints) {
            ObjectNode copy = taints.addObject().put("key", taint.path("key").asText());
            if (taint.hasNonNull("value")) {
                copy.put("value", taint.path("value").asText());
            }
            copy.put("effect", taint.path("effect").asText("NoSchedule"));
        }
        return taints;
    }

    private static String domain(String key) {
        int slash = key.indexOf('/');
        return slash < 0 ? "" : key.substring(0, slash);
    }

    /**
     * An EKS selector expression: {@code key} null means the expression is dropped; otherwise operator and values
     * (values empty for Exists / DoesNotExist).
     */
    record Mapped(String key, String operator, List<String> values, List<Finding> findings) {
        boolean dropped() {
            return key == null;
        }
    }

    /**
     * What a selector on an AKS node label becomes, or empty when the key is not AKS's (or the values are not Azure
     * values, as for an instance type that already names an EC2 type). A key that cannot be translated comes back
     * unchanged with an action-required finding.
     */
    static Optional<Mapped> translate(String key, String operator, List<String> values, Map<String, AksNodePool> pools) {
        List<Finding> findings = new ArrayList<>();
        boolean set = operator.equals("In") || operator.equals("NotIn");
        switch (key) {
            case AksNodePool.POOL_LABEL, AksNodePool.LEGACY_POOL_LABEL -> {
                if (!set) {
                    return keep(key, operator, values, "`" + key + " " + operator + "` selects by the presence of an "
                            + "AKS pool label, which no EKS node carries; replace it with `" + NODEPOOL + "` or a label "
                            + "of your NodePools.");
                }
                Set<String> targets = new LinkedHashSet<>();
                for (String pool : values) {
                    AksNodePool known = pools.get(pool);
                    targets.add(known != null && known.system() ? NODEGROUP : NODEPOOL);
                    if (pools.isEmpty()) {
                        findings.add(Finding.warning("No Node objects were read, so Ferry assumed AKS pool `" + pool
                                + "` is a user pool and selected the Karpenter NodePool `" + pool + "`; create that "
                                + "NodePool (export with nodes to have Ferry generate it) or change the selector."));
                    } else if (known == null) {
                        findings.add(Finding.warning("AKS pool `" + pool + "` is not among the source cluster's Nodes; "
                                + "Ferry selected the Karpenter NodePool `" + pool + "`, which it did not generate."));
                    }
                }
                if (targets.size() > 1) {
                    return keep(key, operator, values, "`" + key + "` selects both system and user pools " + values
                            + "; on EKS these become a managed node group and Karpenter NodePools with different "
                            + "labels, so split the term by hand.");
                }
                return Optional.of(new Mapped(targets.iterator().next(), operator, values, findings));
            }
            case AksNodePool.MODE_LABEL -> {
                return set ? Optional.of(new Mapped(MODE, operator, lower(values), List.of()))
                        : Optional.of(new Mapped(MODE, operator, values, List.of()));
            }
            case AksNodePool.SPOT_LABEL -> {
                return switch (operator) {
                    case "Exists" -> Optional.of(new Mapped(CAPACITY_TYPE, "In", List.of("spot"), List.of()));
                    case "DoesNotExist" -> Optional.of(new Mapped(CAPACITY_TYPE, "NotIn", List.of("spot"), List.of()));
                    default -> Optional.of(new Mapped(CAPACITY_TYPE, operator, lower(values), List.of()));
                };
            }
            case AksNodePool.PRIORITY_LABEL -> {
                if (!set) {
                    return keep(key, operator, values, "`" + key + " " + operator + "` has no EKS counterpart; select "
                            + "`" + CAPACITY_TYPE + "` instead.");
                }
                List<String> mapped = values.stream()
                        .map(v -> v.equalsIgnoreCase("regular") ? "on-demand" : v.toLowerCase(Locale.ROOT)).toList();
                return Optional.of(new Mapped(CAPACITY_TYPE, operator, mapped, List.of()));
            }
            case AksNodePool.INSTANCE_TYPE, AksNodePool.LEGACY_INSTANCE_TYPE -> {
                return instanceTypes(key, operator, values);
            }
            case "kubernetes.azure.com/accelerator" -> {
                return Optional.of(new Mapped("karpenter.k8s.aws/instance-gpu-manufacturer", operator, values, List.of()));
            }
            case "kubernetes.azure.com/sku-cpu" -> {
                return Optional.of(new Mapped("karpenter.k8s.aws/instance-cpu", operator, values, List.of()));
            }
            case "type" -> {
                // `type NotIn [virtual-kubelet]` keeps pods off virtual nodes; EKS has none, so it is harmless and kept
                return operator.equals("In") && values.contains("virtual-kubelet")
                        ? Optional.of(dropVirtualNode(key)) : Optional.empty();
            }
            case "kubernetes.io/role" -> {
                return values.equals(List.of("agent")) ? Optional.of(new Mapped(null, operator, values, List.of(
                        Finding.info("Removed `kubernetes.io/role: agent`: AKS labels its nodes so; EKS nodes do not "
                                + "(EDGES.md §7.1)."))))
                        : Optional.empty();
            }
            default -> {
                if (key.startsWith("kubernetes.azure.com/")) {
                    return keep(key, operator, values, "`" + key + "` is an AKS-reserved node label with no EKS "
                            + "counterpart (EDGES.md §7.1); no EKS node carries it, so the pod would stay Pending. "
                            + "Replace it with a Karpenter well-known label or a label of your NodePools.");
                }
                return Optional.empty();
            }
        }
    }

    private static Optional<Mapped> instanceTypes(String key, String operator, List<String> values) {
        if (values.stream().noneMatch(VmSizes::isAzureSize)) {
            return Optional.empty();
        }
        List<String> mapped = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (String value : values) {
            if (!VmSizes.isAzureSize(value)) {
                mapped.add(value);
                continue;
            }
            Optional<VmSizes.Match> match = VmSizes.ec2For(value);
            if (match.isEmpty()) {
                return keep(key, operator, values, "Azure VM size `" + value + "` is not in Ferry's VM size table "
                        + "(EDGES.md §7.7); pick an EC2 instance type with the same vCPU and memory and set it here.");
            }
            mapped.add(match.get().ec2Type());
            if (match.get().fit() != VmSizes.Fit.SAME_SHAPE) {
                findings.add(Finding.warning("Azure VM size `" + value + "` became `" + match.get().ec2Type()
                        + "`, which is " + (match.get().fit() == VmSizes.Fit.CLOSEST
                        ? "the closest listed match but not the same vCPU/memory/GPU shape"
                        : "derived from the family table, not a listed row") + " (EDGES.md §7.7); check it fits."));
            }
        }
        return Optional.of(new Mapped(AksNodePool.INSTANCE_TYPE, operator, List.copyOf(new LinkedHashSet<>(mapped)),
                findings));
    }

    private static Mapped dropVirtualNode(String key) {
        return new Mapped(null, "In", List.of(), List.of(Finding.info("Removed `" + key + ": virtual-kubelet`, which "
                + "placed the pod on AKS virtual nodes (ACI); see the Fargate finding (EDGES.md §10.4).")));
    }

    private static Optional<Mapped> keep(String key, String operator, List<String> values, String message) {
        return Optional.of(new Mapped(key, operator, values, List.of(Finding.actionRequired(message))));
    }

    private static List<String> lower(List<String> values) {
        return values.stream().map(v -> v.toLowerCase(Locale.ROOT)).toList();
    }
}
