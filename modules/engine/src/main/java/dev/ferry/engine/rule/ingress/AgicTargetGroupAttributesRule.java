package dev.ferry.engine.rule.ingress;

import static dev.ferry.engine.rule.ingress.AgicAnnotations.CONNECTION_DRAINING;
import static dev.ferry.engine.rule.ingress.AgicAnnotations.CONNECTION_DRAINING_TIMEOUT;
import static dev.ferry.engine.rule.ingress.AgicAnnotations.COOKIE_AFFINITY;
import static dev.ferry.engine.rule.ingress.AgicAnnotations.COOKIE_AFFINITY_DISTINCT_NAME;

import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.Finding;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.rule.RuleInfo;
import dev.ferry.engine.rule.RuleOutput;
import dev.ferry.model.KubeObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Combines AGIC's cookie affinity and connection draining into the one ALB {@code target-group-attributes}
 * annotation: {@code cookie-based-affinity} gives {@code lb_cookie} stickiness, {@code connection-draining[-timeout]}
 * gives {@code deregistration_delay.timeout_seconds}. Only this rule writes that annotation.
 */
public final class AgicTargetGroupAttributesRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("agic-affinity-and-draining-to-alb",
            "AGIC affinity and draining to ALB target group attributes",
            "Combines AGIC cookie affinity and connection draining into one ALB target-group-attributes annotation.",
            Edge.INGRESS, Direction.AKS_TO_EKS);

    private static final List<String> KEYS = List.of(COOKIE_AFFINITY, COOKIE_AFFINITY_DISTINCT_NAME,
            CONNECTION_DRAINING, CONNECTION_DRAINING_TIMEOUT);
    private static final int AGIC_DRAIN_TIMEOUT = 30;

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
                .summary("AGIC affinity/draining → ALB `target-group-attributes`")
                .rationale("EDGES.md §2.2/§2.4: AGIC cookie affinity maps to ALB `lb_cookie` stickiness (default "
                        + "duration 86400 s, needs `target-type: ip`); AGIC drains only with `connection-draining: "
                        + "\"true\"` (30 s unless `connection-draining-timeout`), the ALB always waits "
                        + "`deregistration_delay.timeout_seconds` (default 300 s, range 0-3600).");
        KEYS.stream().filter(k -> object.annotations().containsKey(k))
                .forEach(k -> change.remove(AgicAnnotations.pointer(k)));
        Map<String, String> attributes = new LinkedHashMap<>();
        boolean affinity = AgicAnnotations.isTrue(object, COOKIE_AFFINITY);
        if (affinity) {
            attributes.put("stickiness.enabled", "true");
            attributes.put("stickiness.type", "lb_cookie");
            attributes.put("stickiness.lb_cookie.duration_seconds", "86400");
            change.finding(Finding.info("Sticky sessions now use the ALB cookie `AWSALB` (valid 86400 s) instead of "
                    + "`ApplicationGatewayAffinity`; clients holding the old cookie are rebalanced once."));
            if (AgicAnnotations.isTrue(object, COOKIE_AFFINITY_DISTINCT_NAME)) {
                change.finding(Finding.warning("`cookie-based-affinity-distinct-name` has no ALB equivalent: the "
                        + "`lb_cookie` is per target group but has one name. If clients rely on distinct cookie "
                        + "names, use `stickiness.type=app_cookie` with the application's own cookie."));
            }
        }
        if (AgicAnnotations.isTrue(object, CONNECTION_DRAINING)) {
            Optional<Integer> timeout = AgicAnnotations.integer(object, CONNECTION_DRAINING_TIMEOUT);
            int seconds = Math.max(0, Math.min(3600, timeout.orElse(AGIC_DRAIN_TIMEOUT)));
            if (timeout.isPresent() && timeout.get() != seconds) {
                change.finding(Finding.warning("`connection-draining-timeout: " + timeout.get() + "` is outside the "
                        + "ALB range 0-3600; the deregistration delay is " + seconds + " s."));
            }
            attributes.put("deregistration_delay.timeout_seconds", Integer.toString(seconds));
        } else if (!AlbAnnotations.attributes(object.annotations().get(AlbAnnotations.key("target-group-attributes")))
                .containsKey("deregistration_delay.timeout_seconds")) {
            if (object.annotations().containsKey(CONNECTION_DRAINING_TIMEOUT)) {
                change.finding(Finding.info("`connection-draining-timeout` had no effect without "
                        + "`connection-draining: \"true\"` and was removed."));
            }
            change.finding(Finding.info("AGIC did not drain connections here; the ALB waits 300 s (deregistration "
                    + "delay) before removing a pod, which slows rollouts but drops no requests. Add "
                    + "`deregistration_delay.timeout_seconds=0` to `target-group-attributes` to mimic AGIC."));
        }
        AlbAnnotations.mergeAttributes(change, object, "target-group-attributes", attributes);
    }
}
