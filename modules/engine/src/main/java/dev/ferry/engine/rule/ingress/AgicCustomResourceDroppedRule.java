package dev.ferry.engine.rule.ingress;

import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.Finding;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.rule.RuleInfo;
import dev.ferry.engine.rule.RuleOutput;
import dev.ferry.model.KubeObject;

/**
 * Drops AGIC's custom resources (API group {@code appgw.ingress.azure.io}): {@code AzureApplicationGatewayRewrite}
 * rule sets have no AWS Load Balancer Controller counterpart and need a human; the others (prohibited targets,
 * backend pools, instance status, load distribution) configure the Application Gateway itself.
 */
public final class AgicCustomResourceDroppedRule implements Rule {

    static final String GROUP = "appgw.ingress.azure.io";
    static final String REWRITE_KIND = "AzureApplicationGatewayRewrite";

    static final RuleInfo INFO = RuleInfo.of("agic-custom-resources-dropped", "AGIC custom resources dropped",
            "Drops the custom resources of the Application Gateway Ingress Controller, flagging rewrite rule sets for "
                    + "manual translation.",
            Edge.INGRESS, Direction.AKS_TO_EKS);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        if (!object.key().group().equals(GROUP)) {
            return;
        }
        if (object.kind().equals(REWRITE_KIND)) {
            output.drop(object, REWRITE_KIND + " `" + object.name() + "` not carried",
                    "EDGES.md §2.2 (`rewrite-rule-set-custom-resource`): an ALB cannot rewrite arbitrary request or "
                            + "response headers; only URL and Host rewrites exist, as `transforms` (LBC >= v2.14).",
                    Finding.actionRequired("Rewrite rule set `" + object.name() + "` is not carried. Rebuild its URL "
                            + "or Host rewrites as `alb.ingress.kubernetes.io/transforms.<service>` (AWS Load Balancer "
                            + "Controller >= v2.14) and move header rewrites into the application or a proxy."));
            return;
        }
        output.drop(object, object.kind() + " `" + object.name() + "` not carried",
                "EDGES.md §2.1: `" + GROUP + "` resources configure the Application Gateway through AGIC and mean "
                        + "nothing to the AWS Load Balancer Controller.",
                Finding.warning(object.kind() + " `" + object.name() + "` configured AGIC and is not carried; check "
                        + "whether the behaviour it set up is still needed on the ALB."));
    }
}
