package dev.ferry.engine.rule.autoscaling;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.engine.Finding;
import dev.ferry.engine.rule.RuleContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * One AKS node pool to create with {@code az aks nodepool add} (EDGES.md §7.2, §7.7): built from a Karpenter NodePool
 * (and its EC2NodeClass) or from the Nodes of an EKS managed node group.
 */
final class AksPoolPlan {

    static final String DEFAULT_SIZE = "Standard_D4s_v5";

    final String source;
    final String name;
    String vmSize = DEFAULT_SIZE;
    int minCount;
    int maxCount;
    boolean spot;
    boolean windows;
    final List<String> taints = new ArrayList<>();
    final Map<String, String> labels = new LinkedHashMap<>();
    final TreeSet<String> zones = new TreeSet<>();
    Integer osDiskGb;
    Integer maxPods;
    final List<Finding> findings = new ArrayList<>();

    AksPoolPlan(String source, String name) {
        this.source = source;
        this.name = name;
    }

    /** The VM size for a list of EC2 instance types: the first the table maps; the rest are noted. */
    void vmSizeFrom(List<String> ec2Types) {
        List<String> unmapped = new ArrayList<>();
        for (String type : ec2Types) {
            Optional<VmSizes.Match> match = VmSizes.azureFor(type);
            if (match.isPresent()) {
                vmSize = match.get().azureSize();
                if (ec2Types.size() > 1) {
                    findings.add(Finding.info(source + " allowed EC2 types " + ec2Types + "; an AKS node pool has one "
                            + "VM size, so `" + vmSize + "` (for `" + type + "`) was chosen. Add node pools for other "
                            + "sizes, or use `autoscaling.mode: nap` (EDGES.md §7.6, §7.7)."));
                }
                return;
            }
            unmapped.add(type);
        }
        findings.add(Finding.actionRequired(source + ": EC2 types " + unmapped + " are not in Ferry's table "
                + "(EDGES.md §7.7); `" + DEFAULT_SIZE + "` was written as a placeholder. Set `--node-vm-size` to the "
                + "Azure size of the same vCPU and memory."));
    }

    /** Maps AWS zone names through {@code zones}; unmapped ones become a missing-setting finding. */
    void zonesFrom(List<String> awsZones, RuleContext context) {
        Map<String, String> map = context.settings().map("zones");
        List<String> unmapped = new ArrayList<>();
        for (String zone : awsZones) {
            String azure = map.get(zone);
            if (azure == null) {
                unmapped.add(zone);
            } else {
                zones.add(azure.substring(azure.lastIndexOf('-') + 1));
            }
        }
        if (!unmapped.isEmpty()) {
            findings.add(Finding.missingSetting("zones", source + " runs in AWS zones " + unmapped + ", which "
                    + "`zones` does not map to Azure zones; node pool `" + name + "` gets no `--zones` for them."));
        }
    }

    void taintsFrom(JsonNode taintArray) {
        for (JsonNode taint : taintArray) {
            String effect = taint.path("effect").asText();
            String aksEffect = switch (effect.toUpperCase(Locale.ROOT).replace("_", "")) {
                case "NOSCHEDULE" -> "NoSchedule";
                case "NOEXECUTE" -> "NoExecute";
                case "PREFERNOSCHEDULE" -> "PreferNoSchedule";
                default -> effect;
            };
            String value = taint.path("value").asText("");
            taints.add(taint.path("key").asText() + (value.isEmpty() ? "" : "=" + value) + ":" + aksEffect);
        }
    }

    String command(RuleContext context) {
        StringBuilder command = new StringBuilder("az aks nodepool add \\\n")
                .append("  --resource-group ").append(context.settings().text("azure.resourceGroup", "<azure.resourceGroup>"))
                .append(" --cluster-name ").append(context.settings().text("azure.clusterName", "<azure.clusterName>"))
                .append(" \\\n  --name ").append(name).append(" --mode User")
                .append(windows ? " --os-type Windows" : "")
                .append(" --node-vm-size ").append(vmSize).append(" \\\n")
                .append("  --enable-cluster-autoscaler --min-count ").append(minCount)
                .append(" --max-count ").append(Math.max(maxCount, Math.max(1, minCount)));
        if (spot) {
            command.append(" \\\n  --priority Spot --eviction-policy Delete --spot-max-price -1");
        }
        if (!zones.isEmpty()) {
            command.append(" \\\n  --zones ").append(String.join(" ", zones));
        }
        if (!taints.isEmpty()) {
            command.append(" \\\n  --node-taints ").append(String.join(",", taints));
        }
        if (!labels.isEmpty()) {
            command.append(" \\\n  --labels");
            labels.forEach((k, v) -> command.append(' ').append(k).append('=').append(v));
        }
        if (osDiskGb != null) {
            command.append(" \\\n  --node-osdisk-size ").append(osDiskGb);
        }
        if (maxPods != null) {
            command.append(" \\\n  --max-pods ").append(maxPods);
        }
        return "# from " + source + "\n" + command + "\n";
    }

    static List<Finding> settingFindings(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (String key : List.of("azure.resourceGroup", "azure.clusterName")) {
            if (context.settings().text(key).isEmpty()) {
                findings.add(Finding.missingSetting(key, "Set `" + key + "` so the `az aks nodepool add` commands "
                        + "name the target cluster; they carry a placeholder until then."));
            }
        }
        return findings;
    }
}
