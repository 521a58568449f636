package dev.ferry.engine.rule.autoscaling;

import dev.ferry.engine.Finding;
import dev.ferry.engine.rule.RuleContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * EKS → AKS node labels (EDGES.md §7.3, §7.6, §10.1): how a selector or requirement on an {@code eks.amazonaws.com/*},
 * {@code karpenter.*} or EC2 instance-type label reads on AKS, for the {@code autoscaling.mode} chosen: {@code
 * node-pools} (default; AKS node pools and their {@code kubernetes.azure.com/*} labels) or {@code nap} (AKS Node
 * Auto Provisioning, where {@code karpenter.sh/*} labels keep working and {@code karpenter.azure.com/sku-*} replace
 * the AWS instance labels).
 */
final class EksNodeLabels {

    static final String MODE_SETTING = "autoscaling.mode";
    static final String NODEGROUP = NodeLabels.NODEGROUP;
    static final String EKS_CAPACITY = "eks.amazonaws.com/capacityType";
    static final String KARPENTER_CAPACITY = NodeLabels.CAPACITY_TYPE;
    static final String KARPENTER_POOL = NodeLabels.NODEPOOL;
    static final String AKS_POOL = AksNodePool.POOL_LABEL;
    static final String AKS_SPOT = AksNodePool.SPOT_LABEL;
    static final String INSTANCE_TYPE = AksNodePool.INSTANCE_TYPE;
    static final String LEGACY_INSTANCE_TYPE = AksNodePool.LEGACY_INSTANCE_TYPE;

    /** How a label reads on AKS: a new key, operator and values, or dropped; with what the reviewer must know. */
    record Mapped(String key, String operator, List<String> values, List<Finding> findings) {
        boolean dropped() {
            return key == null;
        }
    }

    private EksNodeLabels() {
    }

    static boolean nap(RuleContext context) {
        return "nap".equalsIgnoreCase(context.settings().text(MODE_SETTING, "node-pools").strip());
    }

    /** True for a key this edge translates on the EKS side. */
    static boolean isEksKey(String key) {
        return key.startsWith("eks.amazonaws.com/") || key.startsWith("karpenter.sh/")
                || key.startsWith("karpenter.k8s.aws/") || key.equals(INSTANCE_TYPE) || key.equals(LEGACY_INSTANCE_TYPE);
    }

    /** An AKS node pool name from an EKS node group or NodePool name: lowercase letters and digits, 12 at most. */
    static String poolName(String name) {
        String clean = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        if (clean.isEmpty() || !Character.isLetter(clean.charAt(0))) {
            clean = "np" + clean;
        }
        return clean.length() > 12 ? clean.substring(0, 12) : clean;
    }

    /**
     * The AKS form of a requirement or selector; empty when the key is not an EKS one or stays as it is. Values of
     * {@code karpenter.azure.com/sku-*} and zones are not touched here.
     */
    static Optional<Mapped> translate(String key, String operator, List<String> values, boolean nap) {
        if (!isEksKey(key)) {
            return Optional.empty();
        }
        List<Finding> findings = new ArrayList<>();
        switch (key) {
            case NODEGROUP:
                return Optional.of(new Mapped(AKS_POOL, operator, values.stream().map(EksNodeLabels::poolName).toList(),
                        findings));
            case KARPENTER_POOL:
                if (nap) {
                    return Optional.empty();
                }
                return Optional.of(new Mapped(AKS_POOL, operator, values.stream().map(EksNodeLabels::poolName).toList(),
                        findings));
            case EKS_CAPACITY, KARPENTER_CAPACITY:
                return capacity(key, operator, values, nap);
            case INSTANCE_TYPE, LEGACY_INSTANCE_TYPE:
                return instanceTypes(operator, values);
            default:
                break;
        }
        String name = key.substring(key.indexOf('/') + 1);
        boolean instanceLabel = key.startsWith("karpenter.k8s.aws/instance-")
                || key.startsWith("eks.amazonaws.com/instance-");
        if (instanceLabel) {
            String attribute = name.substring("instance-".length());
            if (nap) {
                Optional<Mapped> sku = sku(attribute, operator, values);
                if (sku.isPresent()) {
                    return sku;
                }
            } else if (attribute.equals("gpu-manufacturer") && values.stream().allMatch("nvidia"::equalsIgnoreCase)) {
                return Optional.of(new Mapped("kubernetes.azure.com/accelerator", operator, List.of("nvidia"), findings));
            }
        }
        if (key.equals("eks.amazonaws.com/compute-type") || key.equals("eks.amazonaws.com/fargate-profile")) {
            findings.add(Finding.actionRequired("`" + key + " " + operator + " " + values + "` selected Fargate or "
                    + "EKS-managed compute, which AKS does not have. The pods run on a regular node pool now; for "
                    + "serverless pods use AKS virtual nodes (ACI) with nodeSelector `type: virtual-kubelet` and a "
                    + "toleration for `virtual-kubelet.io/provider` (EDGES.md §10.1)."));
        } else {
            findings.add(Finding.warning("`" + key + " " + operator + " " + values + "` has no AKS node label"
                    + (nap ? "" : " on node pools (set `autoscaling.mode: nap` for Node Auto Provisioning's "
                    + "`karpenter.azure.com/sku-*` labels)") + " and was removed; check the constraint still holds "
                    + "(EDGES.md §7.3, §7.6)."));
        }
        return Optional.of(new Mapped(null, operator, values, findings));
    }

    private static Optional<Mapped> capacity(String key, String operator, List<String> values, boolean nap) {
        Set<String> normalized = new LinkedHashSet<>();
        values.forEach(v -> normalized.add(v.toLowerCase(Locale.ROOT).replace('_', '-')));
        List<Finding> findings = new ArrayList<>();
        if (nap) {
            if (key.equals(KARPENTER_CAPACITY)) {
                if (normalized.remove("reserved")) {
                    findings.add(Finding.warning("Capacity type `reserved` (capacity reservations) has no NAP "
                            + "counterpart and was removed (EDGES.md §7.6)."));
                    return Optional.of(new Mapped(KARPENTER_CAPACITY, operator, List.copyOf(normalized), findings));
                }
                return Optional.empty();
            }
            normalized.remove("capacity-block");
            return Optional.of(new Mapped(KARPENTER_CAPACITY, operator, List.copyOf(normalized), findings));
        }
        boolean in = operator.equals("In");
        boolean notIn = operator.equals("NotIn");
        boolean spot = normalized.contains("spot");
        boolean onlySpot = spot && normalized.size() == 1;
        if ((in && onlySpot) || (notIn && !spot)) {
            return Optional.of(new Mapped(AKS_SPOT, "In", List.of("spot"), findings));
        }
        if ((in && !spot) || (notIn && onlySpot)) {
            findings.add(Finding.info("`" + key + " " + operator + " " + values + "` asked for on-demand capacity; "
                    + "AKS spot pools carry the taint `kubernetes.azure.com/scalesetpriority=spot:NoSchedule`, so "
                    + "pods without the spot toleration stay on regular nodes (EDGES.md §7.2)."));
            return Optional.of(new Mapped(AKS_SPOT, "DoesNotExist", List.of(), findings));
        }
        findings.add(Finding.info("`" + key + " " + operator + " " + values + "` allowed both spot and on-demand; "
                + "removed (no constraint on AKS)."));
        return Optional.of(new Mapped(null, operator, values, findings));
    }

    private static Optional<Mapped> instanceTypes(String operator, List<String> values) {
        List<Finding> findings = new ArrayList<>();
        List<String> azure = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String value : values) {
            Optional<VmSizes.Match> match = VmSizes.azureFor(value);
            if (match.isPresent()) {
                azure.add(match.get().azureSize());
                if (match.get().fit() != VmSizes.Fit.SAME_SHAPE) {
                    findings.add(Finding.info("EC2 `" + value + "` → `" + match.get().azureSize() + "` is "
                            + (match.get().fit() == VmSizes.Fit.DERIVED ? "derived from the family table" : "the "
                            + "closest listed size") + "; check the VM size exists in the region (EDGES.md §7.7)."));
                }
            } else if (VmSizes.isAzureSize(value)) {
                azure.add(value);
            } else {
                unknown.add(value);
                azure.add(value);
            }
        }
        if (!unknown.isEmpty()) {
            findings.add(Finding.actionRequired("EC2 instance types " + unknown + " are not in Ferry's table (EDGES.md "
                    + "§7.7); replace them with Azure VM sizes of the same vCPU and memory."));
        }
        if (azure.equals(values)) {
            return findings.isEmpty() ? Optional.empty() : Optional.of(new Mapped(INSTANCE_TYPE, operator, values,
                    findings));
        }
        return Optional.of(new Mapped(INSTANCE_TYPE, operator, List.copyOf(new LinkedHashSet<>(azure)), findings));
    }

    /** NAP requirement keys for the Karpenter AWS instance labels (EDGES.md §7.6). */
    private static Optional<Mapped> sku(String attribute, String operator, List<String> values) {
        List<Finding> findings = new ArrayList<>();
        return switch (attribute) {
            case "cpu" -> Optional.of(new Mapped("karpenter.azure.com/sku-cpu", operator, values, findings));
            case "memory" -> Optional.of(new Mapped("karpenter.azure.com/sku-memory", operator, values, findings));
            case "gpu-name" -> Optional.of(new Mapped("karpenter.azure.com/sku-gpu-name", operator, values, findings));
            case "gpu-manufacturer" -> Optional.of(new Mapped("karpenter.azure.com/sku-gpu-manufacturer", operator,
                    values, findings));
            case "gpu-count" -> Optional.of(new Mapped("karpenter.azure.com/sku-gpu-count", operator, values, findings));
            case "category" -> {
                Map<String, String> families = Map.of("m", "D", "c", "F", "r", "E", "t", "B", "g", "N", "p", "N",
                        "x", "M", "i", "L");
                List<String> azure = values.stream().map(v -> families.get(v.toLowerCase(Locale.ROOT)))
                        .filter(v -> v != null).distinct().toList();
                findings.add(Finding.info("EC2 categories " + values + " became Azure SKU families " + azure
                        + " (m→D, c→F, r→E, t→B, g/p→N; EDGES.md §7.6, §7.7)."));
                yield Optional.of(azure.isEmpty() ? new Mapped(null, operator, values, findings)
                        : new Mapped("karpenter.azure.com/sku-family", operator, azure, findings));
            }
            case "family" -> {
                List<String> azure = values.stream().map(VmSizes::azureSeriesFor).flatMap(Optional::stream)
                        .map(s -> s.substring(0, 1)).distinct().toList();
                findings.add(Finding.info("EC2 families " + values + " became Azure SKU families " + azure + "; the "
                        + "generation is not carried (add `karpenter.azure.com/sku-version` if it matters; "
                        + "EDGES.md §7.6)."));
                yield Optional.of(azure.isEmpty() ? new Mapped(null, operator, values, findings)
                        : new Mapped("karpenter.azure.com/sku-family", operator, azure, findings));
            }
            default -> Optional.empty();
        };
    }
}
