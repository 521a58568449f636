package dev.ferry.engine.rule.autoscaling;

import com.fasterxml.jackson.databind.JsonNode;
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
 * With {@code autoscaling.mode: nap}, keeps each AWS Karpenter NodePool as a NodePool of AKS Node Auto Provisioning
 * (EDGES.md §7.6): {@code nodeClassRef} points at the {@code AKSNodeClass} of the same name, requirements on
 * {@code karpenter.k8s.aws/*} become {@code karpenter.azure.com/sku-*}, EC2 instance types become Azure VM sizes and
 * AWS zones Azure zones (through {@code zones}); requirements with no NAP counterpart are removed with a finding.
 */
public final class KarpenterNodePoolToNapRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("karpenter-nodepool-to-nap", "Karpenter NodePool to AKS NAP NodePool",
            "Points AWS Karpenter NodePools at an AKSNodeClass and translates their requirements for AKS Node Auto "
                    + "Provisioning.", Edge.AUTOSCALING, Direction.EKS_TO_AKS, EksNodeLabels.MODE_SETTING, "zones");

    static final String ZONE = "topology.kubernetes.io/zone";

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        if (!EksNodeLabels.nap(context) || !KarpenterNodePools.isAwsNodePool(object)) {
            return;
        }
        RuleOutput.ChangeBuilder change = output.change(object)
                .summary("NodePool → AKS Node Auto Provisioning")
                .rationale("EDGES.md §7.6: AKS Node Auto Provisioning runs Karpenter with the same `karpenter.sh/v1` "
                        + "NodePool and an `AKSNodeClass` (`karpenter.azure.com`); AWS instance requirements become "
                        + "Azure SKU requirements (§7.7).");
        ObjectNode ref = JsonNodeFactory.instance.objectNode().put("group", "karpenter.azure.com")
                .put("kind", "AKSNodeClass")
                .put("name", object.at("/spec/template/spec/nodeClassRef/name").asText("default"));
        change.replace("/spec/template/spec/nodeClassRef", ref);
        JsonNode requirements = object.at("/spec/template/spec/requirements");
        ArrayNode rebuilt = JsonNodeFactory.instance.arrayNode();
        Map<String, String> zones = context.settings().map("zones");
        List<String> unmappedZones = new ArrayList<>();
        for (JsonNode requirement : requirements) {
            String key = requirement.path("key").asText();
            String operator = requirement.path("operator").asText();
            List<String> values = new ArrayList<>();
            requirement.path("values").forEach(v -> values.add(v.asText()));
            ObjectNode next = requirement.deepCopy();
            if (key.equals(ZONE)) {
                ArrayNode mapped = next.putArray("values");
                for (String zone : values) {
                    String azure = zones.get(zone);
                    if (azure == null) {
                        unmappedZones.add(zone);
                    }
                    mapped.add(azure == null ? zone : azure);
                }
                rebuilt.add(next);
                continue;
            }
            Optional<EksNodeLabels.Mapped> mapped = EksNodeLabels.translate(key, operator, values, true);
            if (mapped.isEmpty()) {
                rebuilt.add(next);
                continue;
            }
            mapped.get().findings().forEach(change::finding);
            if (mapped.get().dropped()) {
                continue;
            }
            next.put("key", mapped.get().key()).put("operator", mapped.get().operator());
            ArrayNode newValues = next.putArray("values");
            mapped.get().values().forEach(newValues::add);
            rebuilt.add(next);
        }
        if (!rebuilt.equals(requirements) && requirements.isArray()) {
            change.replace("/spec/template/spec/requirements", rebuilt);
        }
        if (!unmappedZones.isEmpty()) {
            change.finding(Finding.missingSetting("zones", "NodePool " + object.name() + " names AWS zones "
                    + unmappedZones + " that `zones` does not map; add them or NAP finds no matching zone."));
        }
        change.finding(Finding.info("Enable Node Auto Provisioning on the cluster (`az aks update "
                + "--node-provisioning-mode Auto`) before applying; it brings its own `default` and `system-surge` "
                + "NodePools (EDGES.md §7.6)."));
    }
}
