package dev.ferry.engine.rule.autoscaling;

import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.rule.RuleInfo;
import dev.ferry.engine.rule.RuleOutput;
import dev.ferry.model.KubeObject;
import java.util.List;

/**
 * Rewrites pod-template {@code nodeSelector} entries on EKS node labels (EDGES.md §10.1): node group / NodePool →
 * {@code kubernetes.azure.com/agentpool}, spot capacity → {@code kubernetes.azure.com/scalesetpriority: spot}
 * (on-demand selectors are removed: spot pools are tainted), EC2 instance types → Azure VM sizes, Karpenter AWS
 * instance labels → NAP {@code karpenter.azure.com/sku-*} in {@code autoscaling.mode: nap}. Zone values are the
 * networking edge's.
 */
public final class EksNodeSelectorToAksRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("eks-node-selector-to-aks", "EKS nodeSelector to AKS node labels",
            "Rewrites workload nodeSelectors on EKS node group, Karpenter, capacity-type and instance-type labels to "
                    + "AKS node labels.", Edge.AUTOSCALING, Direction.EKS_TO_AKS, EksNodeLabels.MODE_SETTING);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        boolean nap = EksNodeLabels.nap(context);
        NodeSelectorRewrite.rewrite(object, output, "EDGES.md §7.3, §7.6, §7.7, §10.1: EKS node labels "
                + "(`eks.amazonaws.com/*`, `karpenter.*`, EC2 instance types) exist on no AKS node; node pools carry "
                + "`kubernetes.azure.com/agentpool` and `kubernetes.azure.com/scalesetpriority`, so a selector left "
                + "as is keeps the pod Pending.",
                (key, value) -> EksNodeLabels.translate(key, "In", List.of(value), nap).map(m ->
                        new NodeSelectorRewrite.Translated(m.key(),
                                m.dropped() || !m.operator().equals("In") || m.values().size() != 1
                                        ? null : m.values().get(0), m.findings())));
    }
}
