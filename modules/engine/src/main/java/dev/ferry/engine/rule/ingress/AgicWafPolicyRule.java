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
 * Removes AGIC's {@code waf-policy-for-path} (an Azure WAF policy ARM ID) and asks for an AWS WAFv2 web ACL attached
 * with {@code wafv2-acl-arn}: the rules must be rebuilt, and an ALB web ACL covers the whole load balancer rather than
 * this Ingress's paths.
 */
public final class AgicWafPolicyRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("agic-waf-policy-removed", "AGIC WAF policy removed",
            "Removes the per-path Azure WAF policy and asks for an AWS WAFv2 web ACL on the ALB.",
            Edge.INGRESS, Direction.AKS_TO_EKS, "aws.region", "aws.accountId");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        if (!IngressControllers.of(object, context.estate()).movesToAlb()) {
            return;
        }
        AgicAnnotations.value(object, AgicAnnotations.WAF_POLICY_FOR_PATH).ifPresent(policy -> {
            RuleOutput.ChangeBuilder change = output.change(object)
                    .summary("Azure WAF policy removed")
                    .rationale("EDGES.md §2.2: `waf-policy-for-path` attaches an Application Gateway WAF policy to "
                            + "this Ingress's paths; the ALB takes an AWS WAFv2 web ACL (`wafv2-acl-arn`) for the whole "
                            + "load balancer, with its own rule language.")
                    .remove(AgicAnnotations.pointer(AgicAnnotations.WAF_POLICY_FOR_PATH));
            if (policy.equalsIgnoreCase("none")) {
                change.finding(Finding.info("`waf-policy-for-path: none` turned the WAF off for these paths; the ALB "
                        + "has no web ACL unless one is attached, so nothing else is needed."));
                return;
            }
            String name = policy.substring(policy.lastIndexOf('/') + 1);
            String region = context.settings().text("aws.region", "<region>");
            String account = context.settings().text("aws.accountId", "<account>");
            change.finding(Finding.actionRequired("WAF policy `" + name + "` was removed. Create an AWS WAFv2 "
                    + "regional web ACL with equivalent rules and set `alb.ingress.kubernetes.io/wafv2-acl-arn: "
                    + "arn:aws:wafv2:" + region + ":" + account + ":regional/webacl/" + name + "/<id>`; it protects "
                    + "every path of the load balancer, not only this Ingress's."));
        });
    }
}
