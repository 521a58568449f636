package dev.ferry.engine.rule.ingress;

import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.rule.RuleInfo;
import dev.ferry.engine.rule.RuleOutput;
import dev.ferry.model.KubeObject;

/**
 * Sets {@code alb.ingress.kubernetes.io/target-type: ip} on every Ingress moved to the ALB: AGIC always sent traffic
 * straight to pod IPs, stickiness needs IP targets, and IP targets work with ClusterIP Services (instance targets
 * would need NodePort Services).
 */
public final class AlbTargetTypeIpRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("agic-target-type-ip", "ALB target type ip",
            "Makes the ALB target pod IPs directly, as AGIC did.", Edge.INGRESS, Direction.AKS_TO_EKS);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        if (!IngressControllers.of(object, context.estate()).movesToAlb()) {
            return;
        }
        RuleOutput.ChangeBuilder change = output.change(object)
                .summary("ALB target type `ip`")
                .rationale("EDGES.md §2.3/§2.4: AGIC targets pod IPs; the AWS Load Balancer Controller defaults to "
                        + "`instance` targets, which need NodePort Services, while `ip` works with the ClusterIP "
                        + "Services AGIC used and is required for cookie stickiness. Pods need VPC IPs (the default "
                        + "Amazon VPC CNI gives them).");
        AlbAnnotations.put(change, object, "target-type", "ip");
    }
}
