package dev.ferry.engine.rule.autoscaling;

import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.Finding;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.rule.RuleInfo;
import dev.ferry.engine.rule.RuleOutput;
import dev.ferry.model.KubeObject;

/**
 * Drops the {@code cluster-autoscaler-status} ConfigMap, which the AKS-managed Cluster Autoscaler writes about the
 * source cluster's node groups; on EKS Karpenter scales the nodes and reports through NodePool status instead.
 */
public final class ClusterAutoscalerStatusDropRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("cluster-autoscaler-status-drop", "Cluster Autoscaler status dropped",
            "Drops the cluster-autoscaler-status ConfigMap written by the AKS-managed Cluster Autoscaler.",
            Edge.AUTOSCALING, Direction.AKS_TO_EKS);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        if (object.isKind("", "ConfigMap") && object.name().equals("cluster-autoscaler-status")) {
            output.drop(object, "Cluster Autoscaler status not carried",
                    "EDGES.md §7: the ConfigMap is the AKS-managed Cluster Autoscaler's report on the source node "
                            + "pools; on EKS Karpenter provisions nodes and reports in NodePool status.",
                    Finding.info("The autoscaler's settings (min/max count per pool) are not in this ConfigMap's "
                            + "spec; carry them to the NodePool limits by hand if the pool scaled beyond today's size."));
        }
    }
}
