package dev.ferry.engine.rule.ingress;

import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.Finding;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.rule.RuleInfo;
import dev.ferry.engine.rule.RuleOutput;
import dev.ferry.model.KubeObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Translates the ALB attribute annotations: target-group stickiness → {@code cookie-based-affinity}, deregistration
 * delay → {@code connection-draining}/{@code connection-draining-timeout}, load balancer idle timeout →
 * {@code request-timeout}. Every other attribute is reported with its Azure-side replacement.
 */
public final class AlbAttributesToAgicRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("alb-attributes-to-agic", "ALB attributes to AGIC settings",
            "Translates ALB stickiness, deregistration delay and idle timeout into AGIC affinity, draining and "
                    + "request timeout.",
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
        boolean agc = AlbIngresses.agc(context);
        RuleOutput.ChangeBuilder change = output.change(object)
                .summary("ALB attributes → AGIC affinity, draining and timeout")
                .rationale("EDGES.md §2.2/§2.3: only stickiness (→ `cookie-based-affinity`), deregistration delay "
                        + "(→ `connection-draining[-timeout]`) and the idle timeout (→ `request-timeout`, a "
                        + "per-request backend timeout rather than a connection idle timeout) have AGIC annotations. "
                        + "EDGES.md §2.4: the ALB drains 300 s by default, AGIC does not drain unless asked.");
        List<String> agcWork = new ArrayList<>();
        AlbIngresses.take(change, object, "target-group-attributes").ifPresent(text -> {
            Map<String, String> attributes = AlbAnnotations.attributes(text);
            List<String> other = new ArrayList<>();
            attributes.forEach((key, value) -> {
                switch (key) {
                    case "stickiness.enabled" -> {
                        if (value.equals("true")) {
                            put(change, object, agc, agcWork, "cookie-based-affinity", "true");
                        }
                    }
                    case "stickiness.type", "stickiness.lb_cookie.duration_seconds" -> {
                        if (!value.equals("lb_cookie") && !value.equals("86400")) {
                            other.add(key + "=" + value);
                        }
                    }
                    case "deregistration_delay.timeout_seconds" -> {
                        int seconds = AlbIngresses.integer(value).orElse(-1);
                        if (seconds > 0) {
                            put(change, object, agc, agcWork, "connection-draining", "true");
                            put(change, object, agc, agcWork, "connection-draining-timeout", String.valueOf(seconds));
                        } else if (seconds < 0) {
                            other.add(key + "=" + value);
                        }
                    }
                    default -> other.add(key + "=" + value);
                }
            });
            if (!other.isEmpty()) {
                change.finding(Finding.warning("Target group attributes " + other + " have no AGIC counterpart "
                        + "(slow start, algorithm, app cookies, etc.) and were dropped (EDGES.md §2.3)."));
            }
        });
        if (!AlbAnnotations.attributes(AlbIngresses.value(object, "target-group-attributes").orElse(null))
                .containsKey("deregistration_delay.timeout_seconds") && !agc) {
            change.finding(Finding.info("The ALB drained targets for 300 s by default; AGIC does not drain unless "
                    + "`connection-draining: \"true\"` (EDGES.md §2.4). Add it if pods need graceful removal."));
        }
        AlbIngresses.take(change, object, "load-balancer-attributes").ifPresent(text -> {
            List<String> other = new ArrayList<>();
            AlbAnnotations.attributes(text).forEach((key, value) -> {
                if (key.equals("idle_timeout.timeout_seconds") && AlbIngresses.integer(value).isPresent()) {
                    put(change, object, agc, agcWork, "request-timeout", value);
                    change.finding(Finding.info("ALB idle timeout " + value + " s became AGIC `request-timeout` "
                            + value + " s: a backend response timeout, not a connection idle timeout."));
                } else {
                    other.add(key + "=" + value);
                }
            });
            if (!other.isEmpty()) {
                change.finding(Finding.warning("Load balancer attributes " + other + " are set on the Application "
                        + "Gateway resource instead: access logs via diagnostic settings, deletion protection via a "
                        + "resource lock, HTTP/2 in the gateway settings (EDGES.md §2.3)."));
            }
        });
        if (!agcWork.isEmpty()) {
            change.finding(Finding.actionRequired("Application Gateway for Containers sets " + agcWork + " in an "
                    + "`IngressExtension` (session affinity, backend timeouts) linked with "
                    + "`alb.networking.azure.io/alb-ingress-extension`; draining is always on and not configurable "
                    + "(EDGES.md §2.5)."));
        }
    }

    private static void put(RuleOutput.ChangeBuilder change, KubeObject object, boolean agc, List<String> agcWork,
                            String name, String value) {
        if (agc) {
            agcWork.add(name + "=" + value);
        } else {
            AlbIngresses.putAgic(change, object, name, value);
        }
    }
}
