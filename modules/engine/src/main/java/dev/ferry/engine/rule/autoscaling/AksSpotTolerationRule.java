package dev.ferry.engine.rule.autoscaling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.k8s.PodTemplates;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.rule.RuleInfo;
import dev.ferry.engine.rule.RuleOutput;
import dev.ferry.model.KubeObject;
import java.util.Locale;
import java.util.Optional;

/**
 * Adds the AKS spot toleration ({@code kubernetes.azure.com/scalesetpriority=spot:NoSchedule}) to pod templates that
 * select spot capacity through {@code eks.amazonaws.com/capacityType: SPOT} or {@code karpenter.sh/capacity-type:
 * spot} (selector or affinity), or that tolerate a spot taint of those keys (a DaemonSet meant to run on spot nodes
 * too): AKS taints spot pools, EKS does not unless a Karpenter NodePool says so (EDGES.md §7.2, §10.1).
 */
public final class AksSpotTolerationRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("aks-spot-toleration-added", "AKS spot toleration added",
            "Adds the AKS spot toleration to workloads that select or tolerate spot capacity on EKS.",
            Edge.AUTOSCALING, Direction.EKS_TO_AKS);

    static final String KEY = EksNodeLabels.AKS_SPOT;

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        Optional<String> spec = PodTemplates.specPointer(object);
        if (spec.isEmpty() || !selectsSpot(object.at(spec.get())) && !toleratesSpotTaint(object.at(spec.get()))) {
            return;
        }
        JsonNode tolerations = object.at(spec.get() + "/tolerations");
        for (JsonNode toleration : tolerations) {
            if (KEY.equals(toleration.path("key").asText()) || toleration.path("key").isMissingNode()
                    && "Exists".equals(toleration.path("operator").asText())) {
                return;
            }
        }
        ArrayNode next = tolerations.isArray() ? ((ArrayNode) tolerations).deepCopy()
                : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        next.addObject().put("key", KEY).put("operator", "Equal").put("value", "spot").put("effect", "NoSchedule");
        output.change(object)
                .summary("AKS spot toleration added")
                .rationale("EDGES.md §7.2/§10.1: AKS spot node pools carry the taint "
                        + "`kubernetes.azure.com/scalesetpriority=spot:NoSchedule`; EKS spot capacity is untainted, "
                        + "so workloads that chose spot need the toleration to run there.")
                .add(spec.get() + "/tolerations", next);
    }

    /**
     * Whether the pod tolerates a spot taint of EKS capacity ({@code karpenter.sh/capacity-type=spot} or
     * {@code eks.amazonaws.com/capacityType=SPOT}, as a Karpenter NodePool may set): it was meant to run on spot
     * nodes, so it must tolerate the AKS spot taint too, even if it does not select them (DaemonSets).
     */
    static boolean toleratesSpotTaint(JsonNode podSpec) {
        for (JsonNode toleration : podSpec.path("tolerations")) {
            String key = toleration.path("key").asText();
            if (!key.equals(EksNodeLabels.EKS_CAPACITY) && !key.equals(EksNodeLabels.KARPENTER_CAPACITY)) {
                continue;
            }
            if ("Exists".equals(toleration.path("operator").asText())
                    || toleration.path("value").asText().equalsIgnoreCase("spot")) {
                return true;
            }
        }
        return false;
    }

    static boolean selectsSpot(JsonNode podSpec) {
        for (String key : new String[] {EksNodeLabels.EKS_CAPACITY, EksNodeLabels.KARPENTER_CAPACITY}) {
            if ("spot".equals(podSpec.path("nodeSelector").path(key).asText().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        JsonNode affinity = podSpec.path("affinity").path("nodeAffinity");
        for (JsonNode term : affinity.path("requiredDuringSchedulingIgnoredDuringExecution").path("nodeSelectorTerms")) {
            if (spotExpression(term.path("matchExpressions"))) {
                return true;
            }
        }
        for (JsonNode preference : affinity.path("preferredDuringSchedulingIgnoredDuringExecution")) {
            if (spotExpression(preference.path("preference").path("matchExpressions"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean spotExpression(JsonNode expressions) {
        for (JsonNode expression : expressions) {
            String key = expression.path("key").asText();
            if ((key.equals(EksNodeLabels.EKS_CAPACITY) || key.equals(EksNodeLabels.KARPENTER_CAPACITY))
                    && "In".equals(expression.path("operator").asText())) {
                for (JsonNode value : expression.path("values")) {
                    if (value.asText().equalsIgnoreCase("spot")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
