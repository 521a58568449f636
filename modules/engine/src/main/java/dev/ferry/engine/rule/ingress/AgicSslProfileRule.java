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
 * Removes AGIC's {@code appgw-ssl-profile} and asks for an ALB {@code ssl-policy} chosen by hand: Application Gateway
 * SSL profiles and ELB security policies are not interchangeable names, and client-certificate settings move to
 * {@code mutual-authentication}.
 */
public final class AgicSslProfileRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("agic-ssl-profile-to-ssl-policy", "AGIC SSL profile to ALB SSL policy",
            "Removes the Application Gateway SSL profile and asks for a matching ALB ssl-policy.",
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
        AgicAnnotations.value(object, AgicAnnotations.SSL_PROFILE).ifPresent(profile -> output.change(object)
                .summary("Application Gateway SSL profile `" + profile + "` removed")
                .rationale("EDGES.md §2.2: `appgw-ssl-profile` names an SSL profile pre-created on the Application "
                        + "Gateway; the ALB takes an `ssl-policy` (`ELBSecurityPolicy-...`), chosen by minimum TLS "
                        + "version and cipher set, and client certificates through `mutual-authentication`.")
                .remove(AgicAnnotations.pointer(AgicAnnotations.SSL_PROFILE))
                .finding(Finding.warning("SSL profile `" + profile + "` was removed. Pick the ELB security policy "
                        + "with the same minimum TLS version and ciphers and set `alb.ingress.kubernetes.io/ssl-policy`; "
                        + "if the profile checked client certificates, configure `mutual-authentication`. Until then "
                        + "the controller's default policy applies.")));
    }
}
