package dev.ferry.engine.rule.ingress;

import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.Finding;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.rule.RuleInfo;
import dev.ferry.engine.rule.RuleOutput;
import dev.ferry.model.KubeObject;
import java.util.Locale;
import java.util.Optional;

/**
 * Translates AGIC's {@code backend-protocol} ({@code http}/{@code https}) into the ALB's uppercase
 * {@code backend-protocol}; for HTTPS also sets {@code healthcheck-protocol: HTTPS}, because AGIC probes follow the
 * backend protocol while ALB health checks default to HTTP.
 */
public final class AgicBackendProtocolRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("agic-backend-protocol-to-alb", "AGIC backend protocol to ALB",
            "Translates the AGIC backend protocol into the ALB backend and health-check protocol.",
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
        Optional<String> raw = AgicAnnotations.value(object, AgicAnnotations.BACKEND_PROTOCOL);
        if (raw.isEmpty()) {
            return;
        }
        String protocol = raw.get().toUpperCase(Locale.ROOT);
        RuleOutput.ChangeBuilder change = output.change(object)
                .remove(AgicAnnotations.pointer(AgicAnnotations.BACKEND_PROTOCOL))
                .rationale("EDGES.md §2.2/§2.3: AGIC `backend-protocol` (`http`, `https`) maps to the ALB's "
                        + "`backend-protocol` (`HTTP`, `HTTPS`, uppercase); AGIC's probe follows the backend protocol, "
                        + "the ALB health check does not (default HTTP).");
        if (!protocol.equals("HTTP") && !protocol.equals("HTTPS")) {
            change.summary("AGIC backend protocol `" + raw.get() + "` removed")
                    .finding(Finding.actionRequired("`backend-protocol: " + raw.get() + "` is neither http nor https "
                            + "and was removed; set `alb.ingress.kubernetes.io/backend-protocol` by hand."));
            return;
        }
        change.summary("ALB backend protocol `" + protocol + "`");
        AlbAnnotations.put(change, object, "backend-protocol", protocol);
        if (protocol.equals("HTTPS")) {
            AlbAnnotations.put(change, object, "healthcheck-protocol", "HTTPS");
            change.finding(Finding.info("The ALB does not validate the pods' TLS certificates; self-signed backend "
                    + "certificates work, and no trusted root needs installing."));
        }
    }
}
