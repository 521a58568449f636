package dev.ferry.engine.rule.autoscaling;

import com.fasterxml.jackson.databind.JsonNode;
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

/**
 * Drops each {@code EC2NodeClass}; with {@code autoscaling.mode: nap} generates the {@code AKSNodeClass} of the same
 * name ({@code karpenter.azure.com/v1beta1}: image family, OS disk size, max pods, kubelet image GC and CFS quota,
 * tags). Custom AMIs ({@code amiSelectorTerms} by id, name, tags or SSM parameter; {@code amiFamily: Custom}) and
 * {@code userData} become action-required findings naming the AKS practice: no custom node images, so kubelet / OS
 * custom configuration and DaemonSets (EDGES.md §10.1, §10.2).
 */
public final class Ec2NodeClassToAksNodeClassRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("ec2nodeclass-to-aks-node-class", "EC2NodeClass to AKSNodeClass",
            "Replaces EC2NodeClasses with AKSNodeClasses (NAP mode) or drops them, reporting custom AMIs and user data.",
            Edge.AUTOSCALING, Direction.EKS_TO_AKS, EksNodeLabels.MODE_SETTING);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        if (!KarpenterNodePools.isEc2NodeClass(object)) {
            return;
        }
        boolean nap = EksNodeLabels.nap(context);
        List<Finding> findings = new ArrayList<>();
        List<String> customAmi = new ArrayList<>();
        for (JsonNode term : object.at("/spec/amiSelectorTerms")) {
            if (!term.has("alias")) {
                customAmi.add(term.toString());
            }
        }
        if (!customAmi.isEmpty() || "Custom".equals(object.at("/spec/amiFamily").asText())) {
            findings.add(Finding.actionRequired("EC2NodeClass " + object.name() + " selects custom AMIs " + customAmi
                    + ". AKS does not run custom node images: move the AMI's changes to AKS custom node "
                    + "configuration (kubelet and Linux OS settings via `--kubelet-config`/`--linux-os-config`"
                    + (nap ? " or the AKSNodeClass `kubelet`/`linuxOSConfig`" : "") + ") and privileged DaemonSets "
                    + "for agents and host tweaks (EDGES.md §10.2)."));
        }
        if (object.at("/spec/userData").isTextual() && !object.at("/spec/userData").asText().isBlank()) {
            findings.add(Finding.actionRequired("EC2NodeClass " + object.name() + " runs userData at boot; AKS nodes "
                    + "take no user data. Re-create its steps as kubelet/OS custom configuration or a DaemonSet that "
                    + "prepares each node (EDGES.md §10.2)."));
        }
        findings.add(Finding.info("Not carried: IAM role/instance profile (AKS nodes use the cluster's kubelet "
                + "identity), subnet and security-group selectors (node subnet and its NSG are cluster or pool "
                + "settings; NAP takes `vnetSubnetID`), metadata options (EDGES.md §7.6)."));
        if (!nap) {
            output.drop(object, "EC2NodeClass `" + object.name() + "` dropped",
                    "EDGES.md §7.5/§7.6: node classes belong to AWS Karpenter; with `autoscaling.mode: node-pools` "
                            + "its OS disk size and max pods go into the `az aks nodepool add` commands of its "
                            + "NodePools.", findings.toArray(Finding[]::new));
            return;
        }
        output.drop(object, "EC2NodeClass `" + object.name() + "` → AKSNodeClass",
                "EDGES.md §7.6: AKS Node Auto Provisioning reads `AKSNodeClass` (karpenter.azure.com/v1beta1).");
        output.generate(nodeClass(object, findings), "AKSNodeClass `" + object.name() + "`",
                "EDGES.md §7.6: amiSelectorTerms → imageFamily (AzureLinux, the closest to Amazon Linux / "
                        + "Bottlerocket), root volume size → osDiskSizeGB, kubelet.maxPods → maxPods, kubelet image "
                        + "GC thresholds and CFS quota carried, tags carried.", findings.toArray(Finding[]::new));
    }

    static ObjectNode nodeClass(KubeObject source, List<Finding> findings) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode body = json.objectNode().put("apiVersion", "karpenter.azure.com/v1beta1").put("kind", "AKSNodeClass");
        body.putObject("metadata").put("name", source.name());
        ObjectNode spec = body.putObject("spec");
        spec.put("imageFamily", "AzureLinux");
        KarpenterNodePools.rootVolumeGiB(source).ifPresent(gib -> {
            int clamped = Math.max(30, Math.min(2048, gib));
            spec.put("osDiskSizeGB", clamped);
            if (clamped != gib) {
                findings.add(Finding.warning("Root volume " + gib + " GiB is outside AKS's 30-2048 GB; osDiskSizeGB is "
                        + clamped + "."));
            }
        });
        JsonNode kubelet = source.at("/spec/kubelet");
        if (kubelet.path("maxPods").isInt()) {
            int pods = Math.max(10, Math.min(250, kubelet.path("maxPods").asInt()));
            spec.put("maxPods", pods);
        }
        ObjectNode aksKubelet = json.objectNode();
        for (String field : List.of("imageGCHighThresholdPercent", "imageGCLowThresholdPercent", "cpuCFSQuota")) {
            if (kubelet.has(field)) {
                aksKubelet.set(field, kubelet.get(field).deepCopy());
            }
        }
        if (!aksKubelet.isEmpty()) {
            spec.set("kubelet", aksKubelet);
        }
        List<String> dropped = new ArrayList<>();
        kubelet.fieldNames().forEachRemaining(f -> {
            if (!aksKubelet.has(f) && !f.equals("maxPods")) {
                dropped.add(f);
            }
        });
        if (!dropped.isEmpty()) {
            findings.add(Finding.warning("Kubelet settings " + dropped + " (reservations, eviction thresholds, "
                    + "cluster DNS) are not AKSNodeClass fields; AKS sets reservations itself (EDGES.md §7.6)."));
        }
        ObjectNode tags = json.objectNode();
        List<String> badTags = new ArrayList<>();
        source.at("/spec/tags").fields().forEachRemaining(e -> {
            if (e.getKey().matches(".*[<>%&\\\\?/].*")) {
                badTags.add(e.getKey());
            } else {
                tags.put(e.getKey(), e.getValue().asText());
            }
        });
        if (!tags.isEmpty()) {
            spec.set("tags", tags);
        }
        if (!badTags.isEmpty()) {
            findings.add(Finding.warning("Tags " + badTags + " were dropped: Azure tag names cannot contain "
                    + "< > % & \\ ? /."));
        }
        return body;
    }
}
