package dev.ferry.engine.rule.ingress;

import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.Finding;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.rule.RuleInfo;
import dev.ferry.engine.rule.RuleOutput;
import dev.ferry.model.KubeObject;
import java.util.Optional;

/**
 * Translates {@code alb.ingress.kubernetes.io/scheme}: {@code internal} (also the ALB default when unset) becomes
 * {@code appgw.ingress.kubernetes.io/use-private-ip: "true"}; {@code internet-facing} is AGIC's default public
 * frontend, written explicitly as {@code use-private-ip: "false"} so a re-run cannot mistake it for the ALB's
 * internal default. Application Gateway for Containers has no private frontend.
 */
public final class AlbSchemeToAgicRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("alb-scheme-to-agic-private-ip", "ALB scheme to AGIC frontend",
            "Keeps an Ingress internal or public by translating the ALB scheme into the AGIC private IP annotation.",
            Edge.INGRESS, Direction.EKS_TO_AKS, AlbIngresses.SETTING);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        if (!AlbIngresses.isAlb(object, context.estate())) {
            return;
        }
        RuleOutput.ChangeBuilder change = output.change(object)
                .rationale("EDGES.md §2.3/§2.4: the ALB is internal unless `scheme: internet-facing`; AGIC uses the "
                        + "public frontend unless `use-private-ip: \"true\"`. The default differs, so an Ingress "
                        + "without a scheme stays internal explicitly.");
        Optional<String> scheme = AlbIngresses.take(change, object, "scheme");
        boolean internal = scheme.map(s -> !s.equals("internet-facing")).orElse(true);
        if (scheme.isPresent() && !scheme.get().equals("internet-facing") && !scheme.get().equals("internal")) {
            change.finding(Finding.warning("`scheme: " + scheme.get() + "` is neither `internal` nor "
                    + "`internet-facing`; the Ingress was kept internal."));
        }
        change.summary(internal ? "ALB scheme internal → AGIC private frontend" : "ALB internet-facing → AGIC public "
                + "frontend (default)");
        if (!internal) {
            // explicit public frontend: AGIC's default, written so the choice survives a re-run
            AlbIngresses.putAgic(change, object, "use-private-ip", "false");
            return;
        }
        if (AlbIngresses.agc(context)) {
            change.finding(Finding.actionRequired("This Ingress was internal on the ALB, but Application Gateway for "
                    + "Containers has no private frontend (EDGES.md §2.5): it would be public. Use AGIC "
                    + "(`ingress.controller: agic`) or restrict access with a WAF policy before applying."));
            return;
        }
        AlbIngresses.putAgic(change, object, "use-private-ip", "true");
        change.finding(Finding.info((scheme.isEmpty() ? "No ALB scheme was set, which means internal; " : "")
                + "the Application Gateway needs a private frontend IP configuration for `use-private-ip` "
                + "(EDGES.md §2.3)."));
    }
}
