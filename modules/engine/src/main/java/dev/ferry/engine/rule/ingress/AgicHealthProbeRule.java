package dev.ferry.engine.rule.ingress;

import static dev.ferry.engine.rule.ingress.AgicAnnotations.HEALTH_PROBE_HOSTNAME;
import static dev.ferry.engine.rule.ingress.AgicAnnotations.HEALTH_PROBE_INTERVAL;
import static dev.ferry.engine.rule.ingress.AgicAnnotations.HEALTH_PROBE_PATH;
import static dev.ferry.engine.rule.ingress.AgicAnnotations.HEALTH_PROBE_PORT;
import static dev.ferry.engine.rule.ingress.AgicAnnotations.HEALTH_PROBE_STATUS_CODES;
import static dev.ferry.engine.rule.ingress.AgicAnnotations.HEALTH_PROBE_TIMEOUT;
import static dev.ferry.engine.rule.ingress.AgicAnnotations.HEALTH_PROBE_UNHEALTHY_THRESHOLD;

import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.Finding;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.rule.RuleInfo;
import dev.ferry.engine.rule.RuleOutput;
import dev.ferry.model.KubeObject;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Translates AGIC's {@code health-probe-*} annotations into ALB health-check annotations (path, port, interval,
 * timeout, unhealthy threshold, success codes), clamping numbers into the ALB's ranges. Keeps AGIC's default healthy
 * codes 200-399 (ALB's default is 200 only). {@code health-probe-hostname} has no ALB counterpart.
 */
public final class AgicHealthProbeRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("agic-health-probe-to-alb-healthcheck", "AGIC health probe to ALB health check",
            "Translates the AGIC health-probe annotations into ALB health-check annotations.",
            Edge.INGRESS, Direction.AKS_TO_EKS);

    private static final String AGIC_DEFAULT_CODES = "200-399";
    private static final Pattern CODE_LIST = Pattern.compile("\\d{3}(,\\d{3})*");
    private static final Pattern CODE_RANGE = Pattern.compile("\\d{3}-\\d{3}");

    /** AGIC key, ALB annotation name, ALB minimum, ALB maximum. */
    private record Numeric(String agicKey, String albName, int min, int max) {
    }

    private static final List<Numeric> NUMERIC = List.of(
            new Numeric(HEALTH_PROBE_INTERVAL, "healthcheck-interval-seconds", 5, 300),
            new Numeric(HEALTH_PROBE_TIMEOUT, "healthcheck-timeout-seconds", 2, 120),
            new Numeric(HEALTH_PROBE_UNHEALTHY_THRESHOLD, "unhealthy-threshold-count", 2, 10),
            new Numeric(HEALTH_PROBE_PORT, "healthcheck-port", 1, 65535));

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
                .summary("AGIC health probe → ALB health check")
                .rationale("EDGES.md §2.2/§2.4: AGIC probes default to interval 30 s, timeout 30 s, 3 failures and "
                        + "codes 200-399, derived from the pods' readiness/liveness `httpGet` where set; the ALB "
                        + "defaults to 15 s, 5 s, 2 failures and code 200 and never reads pod probes. Explicit values "
                        + "are carried, clamped to the ALB's ranges, and the healthy codes stay 200-399.");
        Optional<String> path = AgicAnnotations.value(object, HEALTH_PROBE_PATH);
        if (path.isPresent()) {
            AlbAnnotations.put(change, object, "healthcheck-path", path.get());
            change.remove(AgicAnnotations.pointer(HEALTH_PROBE_PATH));
        } else {
            change.finding(Finding.info("ALB health checks request `/` by default and do not read pod probes, while "
                    + "AGIC used the backend pods' readiness/liveness `httpGet` path. If `/` does not answer 200-399, "
                    + "set `alb.ingress.kubernetes.io/healthcheck-path`."));
        }
        Integer interval = null;
        Integer timeout = null;
        for (Numeric numeric : NUMERIC) {
            Integer written = numeric(object, numeric, change);
            if (numeric.agicKey().equals(HEALTH_PROBE_INTERVAL)) {
                interval = written;
            } else if (numeric.agicKey().equals(HEALTH_PROBE_TIMEOUT)) {
                timeout = written;
            }
        }
        if (interval != null && timeout != null && timeout >= interval) {
            change.finding(Finding.warning("The ALB health-check timeout (" + timeout + " s) must be shorter than its "
                    + "interval (" + interval + " s); lower `healthcheck-timeout-seconds`."));
        }
        statusCodes(object, change);
        AgicAnnotations.value(object, HEALTH_PROBE_HOSTNAME).ifPresent(host -> {
            change.remove(AgicAnnotations.pointer(HEALTH_PROBE_HOSTNAME));
            change.finding(Finding.actionRequired("`health-probe-hostname: " + host + "` was removed: ALB health "
                    + "checks cannot set a Host header. Make the health endpoint answer without that Host."));
        });
    }

    private static Integer numeric(KubeObject object, Numeric numeric, RuleOutput.ChangeBuilder change) {
        Optional<String> raw = AgicAnnotations.value(object, numeric.agicKey());
        if (raw.isEmpty()) {
            return null;
        }
        change.remove(AgicAnnotations.pointer(numeric.agicKey()));
        Optional<Integer> parsed = AgicAnnotations.integer(object, numeric.agicKey());
        String shortKey = numeric.agicKey().substring(AgicAnnotations.PREFIX.length());
        if (parsed.isEmpty()) {
            change.finding(Finding.actionRequired("`" + shortKey + ": " + raw.get() + "` is not a number and was "
                    + "removed; set `alb.ingress.kubernetes.io/" + numeric.albName() + "` by hand."));
            return null;
        }
        int value = Math.max(numeric.min(), Math.min(numeric.max(), parsed.get()));
        if (value != parsed.get()) {
            change.finding(Finding.warning("`" + shortKey + ": " + parsed.get() + "` is outside the ALB range "
                    + numeric.min() + "-" + numeric.max() + "; `" + numeric.albName() + "` is " + value + "."));
        }
        AlbAnnotations.put(change, object, numeric.albName(), Integer.toString(value));
        return value;
    }

    private static void statusCodes(KubeObject object, RuleOutput.ChangeBuilder change) {
        Optional<String> raw = AgicAnnotations.value(object, HEALTH_PROBE_STATUS_CODES);
        if (raw.isEmpty()) {
            AlbAnnotations.put(change, object, "success-codes", AGIC_DEFAULT_CODES);
            return;
        }
        change.remove(AgicAnnotations.pointer(HEALTH_PROBE_STATUS_CODES));
        String codes = raw.get().replace(" ", "");
        if (CODE_LIST.matcher(codes).matches() || CODE_RANGE.matcher(codes).matches()) {
            AlbAnnotations.put(change, object, "success-codes", codes);
        } else {
            AlbAnnotations.put(change, object, "success-codes", AGIC_DEFAULT_CODES);
            change.finding(Finding.actionRequired("`health-probe-status-codes: " + raw.get() + "` mixes ranges and "
                    + "lists or is malformed; the ALB accepts one range (`200-399`) or a list (`200,401`). Ferry wrote "
                    + "AGIC's default `success-codes: " + AGIC_DEFAULT_CODES + "`; adjust it by hand."));
        }
    }
}
