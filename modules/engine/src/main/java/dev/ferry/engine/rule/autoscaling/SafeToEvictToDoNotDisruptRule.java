package dev.ferry.engine.rule.autoscaling;

import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.Finding;
import dev.ferry.engine.k8s.PodTemplates;
import dev.ferry.engine.patch.Pointer;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.rule.RuleInfo;
import dev.ferry.engine.rule.RuleOutput;
import dev.ferry.model.KubeObject;
import java.util.Optional;

/**
 * Adds Karpenter's {@code karpenter.sh/do-not-disrupt: "true"} to pod templates that carry the Cluster Autoscaler's
 * {@code cluster-autoscaler.kubernetes.io/safe-to-evict: "false"}: Karpenter does not read the autoscaler's
 * annotation when it consolidates nodes. The original annotation is kept; it is harmless on EKS and still honoured
 * if the target runs the Cluster Autoscaler.
 */
public final class SafeToEvictToDoNotDisruptRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("cluster-autoscaler-safe-to-evict-to-do-not-disrupt",
            "Cluster Autoscaler safe-to-evict to Karpenter do-not-disrupt",
            "Adds karpenter.sh/do-not-disrupt to pod templates the Cluster Autoscaler was told not to evict.",
            Edge.AUTOSCALING, Direction.AKS_TO_EKS);

    static final String SAFE_TO_EVICT = "cluster-autoscaler.kubernetes.io/safe-to-evict";
    static final String DO_NOT_DISRUPT = "karpenter.sh/do-not-disrupt";

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        Optional<String> metadata = PodTemplates.metadataPointer(object);
        if (metadata.isEmpty()) {
            return;
        }
        String annotations = metadata.get() + "/annotations";
        if (!"false".equalsIgnoreCase(object.at(annotations).path(SAFE_TO_EVICT).asText())
                || object.at(annotations).has(DO_NOT_DISRUPT)) {
            return;
        }
        output.change(object)
                .summary("Pod template annotated `" + DO_NOT_DISRUPT + ": \"true\"`")
                .rationale("AKS scales node pools with the Cluster Autoscaler, which honours `" + SAFE_TO_EVICT
                        + ": \"false\"`; Karpenter (EDGES.md §7.4 disruption) honours `" + DO_NOT_DISRUPT + "` instead.")
                .add(Pointer.child(annotations, DO_NOT_DISRUPT), "true")
                .finding(Finding.info("Added `" + DO_NOT_DISRUPT + ": \"true\"` next to `" + SAFE_TO_EVICT
                        + ": \"false\"` so Karpenter consolidation does not evict these pods; the autoscaler annotation "
                        + "is kept (harmless, and honoured if you run the Cluster Autoscaler on EKS)."));
    }
}
