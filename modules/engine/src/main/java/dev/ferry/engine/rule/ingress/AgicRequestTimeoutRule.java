package dev.ferry.engine.rule.ingress;

import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.Finding;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.rule.RuleInfo;
import dev.ferry.engine.rule.RuleOutput;
import dev.ferry.model.KubeObject;
import java.util.Map;
import java.util.Optional;

/**
 * Approximates AGIC's {@code request-timeout} (how long the gateway waits for a backend response) with the ALB's
 * connection idle timeout, {@code load-balancer-attributes: idle_timeout.timeout_seconds=<n>}: the ALB has no
 * per-request backend timeout, and the idle timeout applies to the whole load balancer.
 */
public final class AgicRequestTimeoutRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("agic-request-timeout-to-alb-idle-timeout",
            "AGIC request timeout to ALB idle timeout",
            "Approximates the AGIC request timeout with the ALB idle timeout.", Edge.INGRESS, Direction.AKS_TO_EKS);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        if (!IngressControllers.of(object, context.estate()).movesToAlb()) {
            return;
        }
        Optional<String> raw = AgicAnnotations.value(object, AgicAnnotations.REQUEST_TIMEOUT);
        if (raw.isEmpty()) {
            return;
        }
        RuleOutput.ChangeBuilder change = output.change(object)
                .summary("AGIC request timeout → ALB idle timeout")
                .rationale("EDGES.md §2.2/§2.4: AGIC's `request-timeout` (default 30 s) bounds each backend "
                        + "response; the closest ALB setting is the connection idle timeout "
                        + "`idle_timeout.timeout_seconds` (default 60 s, range 1-4000), load-balancer wide.")
                .remove(AgicAnnotations.pointer(AgicAnnotations.REQUEST_TIMEOUT));
        Optional<Integer> seconds = AgicAnnotations.integer(object, AgicAnnotations.REQUEST_TIMEOUT);
        if (seconds.isEmpty()) {
            change.finding(Finding.actionRequired("`request-timeout: " + raw.get() + "` is not a number and was "
                    + "removed; set `idle_timeout.timeout_seconds` in `alb.ingress.kubernetes.io/load-balancer-attributes` "
                    + "by hand if needed."));
            return;
        }
        int value = Math.max(1, Math.min(4000, seconds.get()));
        change.finding(Finding.warning("`request-timeout: " + seconds.get() + "` became the ALB idle timeout of "
                + value + " s. It is approximate: the ALB closes idle connections rather than bounding a backend "
                + "response, and it applies to every Ingress sharing the load balancer."));
        AlbAnnotations.mergeAttributes(change, object, "load-balancer-attributes",
                Map.of("idle_timeout.timeout_seconds", Integer.toString(value)));
    }
}
