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
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Translates the ALB health-check annotations (path, port, interval, timeout, unhealthy threshold, success codes)
 * into AGIC {@code health-probe-*} annotations; the healthy threshold and a protocol differing from the backend
 * protocol have no AGIC counterpart. With Application Gateway for Containers the values go to a
 * {@code HealthCheckPolicy} the reviewer creates. Reports the probe defaults that differ (EDGES.md §2.4).
 */
public final class AlbHealthCheckToAgicRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("alb-healthcheck-to-agic-probe", "ALB health check to AGIC probe",
            "Translates the ALB health-check annotations into AGIC health-probe annotations and reports defaults "
                    + "that differ.",
            Edge.INGRESS, Direction.EKS_TO_AKS, AlbIngresses.SETTING);

    private static final Pattern CODES = Pattern.compile("\\d{3}(-\\d{3})?(,\\d{3}(-\\d{3})?)*");

    /** ALB annotation name and AGIC annotation name, for values carried as they are. */
    private record Carried(String alb, String agic, boolean numeric) {
    }

    private static final List<Carried> CARRIED = List.of(
            new Carried("healthcheck-path", "health-probe-path", false),
            new Carried("healthcheck-port", "health-probe-port", true),
            new Carried("healthcheck-interval-seconds", "health-probe-interval", true),
            new Carried("healthcheck-timeout-seconds", "health-probe-timeout", true),
            new Carried("unhealthy-threshold-count", "health-probe-unhealthy-threshold", true),
            new Carried("success-codes", "health-probe-status-codes", false));

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
                .summary("ALB health check → " + (agc ? "AGC HealthCheckPolicy (by hand)" : "AGIC health probe"))
                .rationale("EDGES.md §2.2/§2.4: AGIC's `health-probe-*` annotations carry the ALB health-check "
                        + "values; AGIC probes default to interval 30 s, timeout 30 s, 3 failures and codes 200-399, "
                        + "and read the pods' readiness/liveness `httpGet` when no path is set, while the ALB "
                        + "defaults to 15 s, 5 s, 2 failures, code 200 and path `/`.");
        List<String> forPolicy = new ArrayList<>();
        for (Carried carried : CARRIED) {
            Optional<String> value = AlbIngresses.take(change, object, carried.alb());
            if (value.isEmpty()) {
                continue;
            }
            String v = value.get();
            if (carried.alb().equals("healthcheck-port") && v.equals("traffic-port")) {
                continue;
            }
            if (carried.alb().equals("success-codes")) {
                v = v.replace(" ", "");
                if (!CODES.matcher(v).matches()) {
                    change.finding(Finding.actionRequired("`success-codes: " + value.get() + "` is not a list of "
                            + "codes or ranges (gRPC codes have no AGIC meaning); set `health-probe-status-codes` by "
                            + "hand."));
                    continue;
                }
            }
            if (carried.numeric() && AlbIngresses.integer(v).isEmpty()) {
                change.finding(Finding.actionRequired("`" + carried.alb() + ": " + v + "` is not a number (a named "
                        + "port?); AGIC needs a port number in `health-probe-port`. Set it by hand."));
                continue;
            }
            if (agc) {
                forPolicy.add(carried.alb() + "=" + v);
            } else {
                AlbIngresses.putAgic(change, object, carried.agic(), v);
            }
        }
        AlbIngresses.take(change, object, "healthy-threshold-count").ifPresent(v -> change.finding(Finding.info(
                "`healthy-threshold-count: " + v + "` was removed: Application Gateway has no healthy threshold "
                        + "(one good probe marks a backend healthy).")));
        String backend = AlbIngresses.value(object, "backend-protocol").orElse("HTTP").toUpperCase(Locale.ROOT);
        AlbIngresses.take(change, object, "healthcheck-protocol").ifPresent(v -> {
            if (!v.equalsIgnoreCase(backend)) {
                change.finding(Finding.warning("`healthcheck-protocol: " + v + "` differs from the backend protocol "
                        + backend + "; AGIC probes with the backend protocol (EDGES.md §2.3). Make the health "
                        + "endpoint answer on " + backend + "."));
            }
        });
        if (!forPolicy.isEmpty()) {
            change.finding(Finding.actionRequired("Application Gateway for Containers configures probes with a "
                    + "`HealthCheckPolicy` (alb.networking.azure.io/v1) targeting the backend Service, not with "
                    + "annotations. Create one for this Ingress's backends with " + String.join(", ", forPolicy)
                    + " (EDGES.md §2.5)."));
        }
        if (AlbIngresses.value(object, "healthcheck-path").isEmpty()) {
            change.finding(Finding.info("No ALB health-check path was set (the ALB probed `/`); AGIC derives the "
                    + "probe path from the pods' readiness/liveness `httpGet`, else `/` (EDGES.md §2.4)."));
        }
    }
}
