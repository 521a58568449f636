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
 * Removes the AGIC annotations the ALB cannot express: {@code appgw-trusted-root-certificate} (the ALB never verifies
 * backend certificates), {@code hostname-extension} (extra hosts must be written as rules) and {@code rule-priority}
 * (only approximated by {@code group.order} within an IngressGroup).
 */
public final class AgicUnsupportedAnnotationsRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("agic-unsupported-annotations-removed",
            "AGIC annotations without ALB equivalent removed",
            "Removes the AGIC trusted root certificate, hostname extension and rule priority, which the ALB cannot "
                    + "express.",
            Edge.INGRESS, Direction.AKS_TO_EKS);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        if (!IngressControllers.of(object, context.estate()).movesToAlb()) {
            return;
        }
        AgicAnnotations.value(object, AgicAnnotations.TRUSTED_ROOT_CERTIFICATE).ifPresent(v -> change(object, output)
                .remove(AgicAnnotations.pointer(AgicAnnotations.TRUSTED_ROOT_CERTIFICATE))
                .finding(Finding.warning("`appgw-trusted-root-certificate: " + v + "` was removed: the ALB encrypts "
                        + "to HTTPS backends but never verifies their certificates, so end-to-end TLS loses "
                        + "certificate pinning. Accept that or terminate TLS in a sidecar/mesh that verifies.")));
        AgicAnnotations.value(object, AgicAnnotations.HOSTNAME_EXTENSION).ifPresent(v -> change(object, output)
                .remove(AgicAnnotations.pointer(AgicAnnotations.HOSTNAME_EXTENSION))
                .finding(Finding.actionRequired("`hostname-extension: " + v + "` was removed: the ALB does not "
                        + "append hosts. Add a rule per extra host to `spec.rules` (or a `conditions.<service>` "
                        + "host-header condition), or those hosts stop being served.")));
        AgicAnnotations.value(object, AgicAnnotations.RULE_PRIORITY).ifPresent(v -> change(object, output)
                .remove(AgicAnnotations.pointer(AgicAnnotations.RULE_PRIORITY))
                .finding(Finding.warning("`rule-priority: " + v + "` was removed. Each translated Ingress gets its own "
                        + "ALB; if Ingresses are merged with `alb.ingress.kubernetes.io/group.name`, order them with "
                        + "`group.order` (lower first), which only approximates AGIC rule priority.")));
    }

    private static RuleOutput.ChangeBuilder change(KubeObject object, RuleOutput output) {
        return output.change(object)
                .summary("AGIC annotations without ALB equivalent removed")
                .rationale("EDGES.md §2.2: the ALB has no counterpart for trusted root certificates, hostname "
                        + "extensions or rule priority (group.order orders Ingresses of one IngressGroup only).");
    }
}
