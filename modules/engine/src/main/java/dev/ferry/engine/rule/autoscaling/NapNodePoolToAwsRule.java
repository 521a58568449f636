package dev.ferry.engine.rule.autoscaling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.Finding;
import dev.ferry.engine.patch.Pointer;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.rule.RuleInfo;
import dev.ferry.engine.rule.RuleOutput;
import dev.ferry.model.KubeObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Points Karpenter NodePools written for AKS Node Auto Provisioning at the AWS provider (EDGES.md §7.6, read A→E):
 * {@code nodeClassRef} becomes the {@code EC2NodeClass} of the same name, {@code karpenter.azure.com/sku-*}
 * requirements become {@code karpenter.k8s.aws/instance-*} ones (family letter → instance category, VM size → EC2
 * type, vCPU, memory and GPU keys), AKS labels on the template are removed or mapped as for workloads.
 */
public final class NapNodePoolToAwsRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("aks-nap-nodepool-to-aws", "AKS NAP NodePool to Karpenter on AWS",
            "Rewrites Karpenter NodePools of AKS Node Auto Provisioning to the AWS provider's node class and "
                    + "requirement labels.", Edge.AUTOSCALING, Direction.AKS_TO_EKS);

    private static final Map<String, String> SKU_KEYS = Map.of(
            "karpenter.azure.com/sku-cpu", "karpenter.k8s.aws/instance-cpu",
            "karpenter.azure.com/sku-memory", "karpenter.k8s.aws/instance-memory",
            "karpenter.azure.com/sku-gpu-manufacturer", "karpenter.k8s.aws/instance-gpu-manufacturer",
            "karpenter.azure.com/sku-gpu-count", "karpenter.k8s.aws/instance-gpu-count");
    private static final Map<String, String> CATEGORY = Map.of("D", "m", "E", "r", "F", "c", "B", "t", "L", "i");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        if (!object.isKind("karpenter.sh", "NodePool")) {
            return;
        }
        if (object.apiVersion().equals("karpenter.sh/v1beta1") && object.body().toString().contains("karpenter.azure.com")) {
            output.finding(object, Finding.actionRequired("NodePool `" + object.name() + "` uses the pre-1.0 API "
                    + "`karpenter.sh/v1beta1` with AKS node classes; Karpenter v1 on AWS does not serve it. Convert it to "
                    + "`karpenter.sh/v1` (nodeClassRef with group and kind, expireAfter under template.spec) and run "
                    + "Ferry again to point it at an EC2NodeClass (EDGES.md §7.4)."));
            return;
        }
        if (!"karpenter.azure.com".equals(object.at("/spec/template/spec/nodeClassRef/group").asText())) {
            return;
        }
        RuleOutput.ChangeBuilder change = output.change(object).summary("NAP NodePool → Karpenter AWS provider")
                .rationale("EDGES.md §7.4–7.6: the NodePool API is shared, but AKS NAP refers to an AKSNodeClass and "
                        + "`karpenter.azure.com/sku-*` labels that Karpenter on AWS does not know.");
        ObjectNode ref = JsonNodeFactory.instance.objectNode().put("group", "karpenter.k8s.aws").put("kind", "EC2NodeClass")
                .put("name", object.at("/spec/template/spec/nodeClassRef/name").asText("default"));
        change.replace("/spec/template/spec/nodeClassRef", ref);
        requirements(object, change);
        object.at("/spec/template/metadata/labels").fields().forEachRemaining(label -> {
            if (label.getKey().startsWith("kubernetes.azure.com/")) {
                change.remove(Pointer.of("spec", "template", "metadata", "labels", label.getKey()));
                change.finding(Finding.info("Removed AKS node label `" + label.getKey() + "` from the template "
                        + "(EDGES.md §7.1: reserved on AKS, meaningless on EKS)."));
                if (label.getKey().equals(AksNodePool.MODE_LABEL)) {
                    change.add(Pointer.of("spec", "template", "metadata", "labels", NodeLabels.MODE), label.getValue().asText());
                }
            }
        });
        for (JsonNode taint : object.at("/spec/template/spec/startupTaints")) {
            if (taint.path("key").asText().startsWith("node.cilium.io/")) {
                change.finding(Finding.warning("Startup taint `" + taint.path("key").asText() + "` is removed by the "
                        + "Cilium agent; EKS runs the VPC CNI by default, so remove the taint unless you install "
                        + "Cilium, or the nodes never take pods."));
            }
        }
    }

    private static void requirements(KubeObject object, RuleOutput.ChangeBuilder change) {
        String path = "/spec/template/spec/requirements";
        JsonNode requirements = object.at(path);
        ArrayNode kept = JsonNodeFactory.instance.arrayNode();
        Map<String, JsonNode> replaced = new java.util.LinkedHashMap<>();
        boolean removed = false;
        for (int i = 0; i < requirements.size(); i++) {
            JsonNode requirement = requirements.get(i);
            Optional<JsonNode> mapped = map(requirement, change);
            if (mapped.isEmpty()) {
                removed = true;
                continue;
            }
            kept.add(mapped.get());
            if (!mapped.get().equals(requirement)) {
                replaced.put(path + "/" + i, mapped.get());
            }
        }
        if (removed) {
            change.replace(path, kept);
        } else {
            replaced.forEach(change::replace);
        }
    }

    /** The AWS requirement, the same node when it is portable, or empty when it is removed. */
    private static Optional<JsonNode> map(JsonNode requirement, RuleOutput.ChangeBuilder change) {
        String key = requirement.path("key").asText();
        if (!key.startsWith("karpenter.azure.com/") && !key.startsWith("kubernetes.azure.com/")) {
            return Optional.of(requirement);
        }
        ObjectNode copy = requirement.deepCopy();
        if (SKU_KEYS.containsKey(key)) {
            return Optional.of(copy.put("key", SKU_KEYS.get(key)));
        }
        if (key.equals("karpenter.azure.com/sku-family")) {
            ArrayNode values = JsonNodeFactory.instance.arrayNode();
            for (JsonNode family : requirement.path("values")) {
                String category = CATEGORY.get(family.asText().toUpperCase(Locale.ROOT));
                if (category == null) {
                    change.finding(Finding.actionRequired("SKU family `" + family.asText() + "` has no EC2 instance "
                            + "category in Ferry's table (EDGES.md §7.7); add a `karpenter.k8s.aws/instance-category` value."));
                } else {
                    values.add(category);
                }
            }
            copy.put("key", "karpenter.k8s.aws/instance-category").set("values", values);
            return values.isEmpty() ? Optional.empty() : Optional.of(copy);
        }
        if (key.equals("karpenter.azure.com/sku-name")) {
            ArrayNode values = JsonNodeFactory.instance.arrayNode();
            requirement.path("values").forEach(v -> VmSizes.ec2For(v.asText()).ifPresentOrElse(
                    m -> values.add(m.ec2Type()),
                    () -> change.finding(Finding.actionRequired("VM size `" + v.asText() + "` is not in Ferry's table "
                            + "(EDGES.md §7.7); add an EC2 `node.kubernetes.io/instance-type` value."))));
            copy.put("key", AksNodePool.INSTANCE_TYPE).set("values", values);
            return values.isEmpty() ? Optional.empty() : Optional.of(copy);
        }
        Optional<NodeLabels.Mapped> label = key.startsWith("kubernetes.azure.com/") ? NodeLabels.translate(key,
                requirement.path("operator").asText(), texts(requirement.path("values")), Map.of()) : Optional.empty();
        if (label.isPresent() && !label.get().dropped() && !label.get().key().equals(key)) {
            copy.put("key", label.get().key()).put("operator", label.get().operator());
            ArrayNode values = copy.putArray("values");
            label.get().values().forEach(values::add);
            return Optional.of(copy);
        }
        change.finding(Finding.actionRequired("Removed requirement `" + key + "`: Karpenter on AWS has no such label "
                + "(EDGES.md §7.3, §7.6); express it with a `karpenter.k8s.aws/instance-*` requirement if it mattered."));
        return Optional.empty();
    }

    private static List<String> texts(JsonNode values) {
        List<String> texts = new ArrayList<>();
        values.forEach(v -> texts.add(v.asText()));
        return texts;
    }
}
