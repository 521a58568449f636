package dev.ferry.engine.rule.autoscaling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.Finding;
import dev.ferry.engine.k8s.PodTemplates;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.rule.RuleInfo;
import dev.ferry.engine.rule.RuleOutput;
import dev.ferry.model.KubeObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Rewrites pod tolerations of the AKS spot taint {@code kubernetes.azure.com/scalesetpriority=spot:NoSchedule} to
 * the taint Ferry puts on spot NodePools, {@code karpenter.sh/capacity-type=spot:NoSchedule} (EDGES.md §7.2), and
 * removes tolerations of AKS virtual nodes ({@code virtual-kubelet.io/provider}, {@code azure.com/aci}), which have
 * no EKS node to tolerate. {@code CriticalAddonsOnly} and every other toleration are kept. The whole tolerations
 * array is replaced.
 */
public final class SpotTolerationToKarpenterRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("aks-spot-toleration-to-karpenter", "AKS spot toleration to Karpenter",
            "Rewrites tolerations of the AKS spot taint to the spot taint of the generated Karpenter NodePools and "
                    + "removes virtual-node tolerations.", Edge.AUTOSCALING, Direction.AKS_TO_EKS);

    static final List<String> VIRTUAL_NODE_TAINTS = List.of("virtual-kubelet.io/provider", "azure.com/aci");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        Optional<String> spec = PodTemplates.specPointer(object);
        if (spec.isEmpty() || !object.at(spec.get() + "/tolerations").isArray()) {
            return;
        }
        String path = spec.get() + "/tolerations";
        List<JsonNode> rewritten = new ArrayList<>();
        boolean spot = false;
        List<String> removed = new ArrayList<>();
        for (JsonNode toleration : object.at(path)) {
            String key = toleration.path("key").asText();
            if (key.equals(AksNodePool.SPOT_LABEL)) {
                spot = true;
                ObjectNode copy = toleration.deepCopy();
                copy.put("key", NodeLabels.SPOT_TAINT_KEY);
                if (copy.path("operator").asText("Equal").equals("Equal")) {
                    copy.put("value", "spot");
                }
                if (!rewritten.contains(copy)) {
                    rewritten.add(copy);
                }
            } else if (VIRTUAL_NODE_TAINTS.contains(key)) {
                removed.add(key);
            } else {
                rewritten.add(toleration);
            }
        }
        if (!spot && removed.isEmpty()) {
            return;
        }
        RuleOutput.ChangeBuilder change = output.change(object)
                .summary(spot ? "Spot toleration → `" + NodeLabels.SPOT_TAINT_KEY + "=spot`" : "Virtual-node tolerations removed")
                .rationale("EDGES.md §7.2, §10.4: AKS taints spot nodes `kubernetes.azure.com/scalesetpriority=spot:"
                        + "NoSchedule`; Ferry's spot NodePools carry `" + NodeLabels.SPOT_TAINT_KEY + "=spot:NoSchedule` "
                        + "instead, and EKS has no virtual-kubelet (ACI) nodes to tolerate.");
        if (rewritten.isEmpty()) {
            change.remove(path);
        } else {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            array.addAll(rewritten);
            change.replace(path, array);
        }
        if (!removed.isEmpty()) {
            change.finding(Finding.info("Removed tolerations " + removed + " of AKS virtual nodes (ACI); see the "
                    + "Fargate finding."));
        }
    }
}
