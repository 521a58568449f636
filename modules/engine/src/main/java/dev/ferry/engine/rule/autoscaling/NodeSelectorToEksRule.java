package dev.ferry.engine.rule.autoscaling;

import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.k8s.PodTemplates;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.rule.RuleInfo;
import dev.ferry.engine.rule.RuleOutput;
import dev.ferry.model.KubeObject;
import java.util.List;
import java.util.Map;

/**
 * Rewrites pod-template {@code nodeSelector} entries on AKS node labels to their EKS counterparts (EDGES.md §7.1–7.3,
 * §7.7): pool → {@code karpenter.sh/nodepool} (user pool) or {@code eks.amazonaws.com/nodegroup} (system pool), spot
 * priority → {@code karpenter.sh/capacity-type}, mode → {@code ferry.dev/mode}, Azure VM sizes → EC2 types; the
 * virtual-node selectors {@code type: virtual-kubelet} and {@code kubernetes.io/role: agent} are removed. Keys with no
 * counterpart stay, with an action-required finding. Zone values are the networking edge's.
 */
public final class NodeSelectorToEksRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("aks-node-selector-to-eks", "AKS nodeSelector to EKS node labels",
            "Rewrites workload nodeSelectors on AKS pool, mode, spot and VM-size labels to Karpenter and EKS node "
                    + "labels.", Edge.AUTOSCALING, Direction.AKS_TO_EKS);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        if (PodTemplates.specPointer(object).filter(spec -> object.at(spec + "/nodeSelector").isObject()).isEmpty()) {
            return; // spares the pool index for objects without a nodeSelector
        }
        Map<String, AksNodePool> pools = AksNodePool.of(context.estate().nodes());
        NodeSelectorRewrite.rewrite(object, output, "EDGES.md §7.1–7.3, §7.7, §10.4: AKS node labels "
                + "(`kubernetes.azure.com/*`, `agentpool`, Azure VM sizes) exist on no EKS node; Karpenter NodePools "
                + "and managed node groups carry their own labels, so a selector left as is keeps the pod Pending.",
                (key, value) -> NodeLabels.translate(key, "In", List.of(value), pools).map(m ->
                        new NodeSelectorRewrite.Translated(m.key(),
                                m.dropped() || m.values().isEmpty() ? null : m.values().get(0), m.findings())));
    }
}
