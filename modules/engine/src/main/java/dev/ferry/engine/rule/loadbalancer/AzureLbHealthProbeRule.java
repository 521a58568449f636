package dev.ferry.engine.rule.loadbalancer;

import static dev.ferry.engine.rule.loadbalancer.AzureLbAnnotations.aws;
import static dev.ferry.engine.rule.loadbalancer.AzureLbAnnotations.azure;
import static dev.ferry.engine.rule.loadbalancer.AzureLbAnnotations.pointer;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * Translates the Azure health probe annotations (global and {@code port_<port>_health-probe_*}) to the AWS Load
 * Balancer Controller's {@code aws-load-balancer-healthcheck-*} annotations, and, on Services the Azure provider
 * reconciled, keeps the AKS probe timing (5 s, 2 failures) where the NLB default (10 s, 3 failures) would differ.
 * Per-port settings of a multi-port Service have no NLB counterpart and become a warning.
 */
public final class AzureLbHealthProbeRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("azure-lb-health-probe-to-nlb-healthcheck",
            "Azure LB health probe to NLB health check",
            "Translates Azure load balancer health probe annotations to NLB health check annotations and keeps the "
                    + "AKS probe interval and failure count.",
            Edge.LOAD_BALANCER, Direction.AKS_TO_EKS);

    /** Azure setting suffix → AWS LBC annotation suffix. */
    private static final Map<String, String> SETTINGS = Map.of(
            "protocol", "healthcheck-protocol",
            "request-path", "healthcheck-path",
            "interval", "healthcheck-interval",
            "num-of-probe", "healthcheck-unhealthy-threshold");

    /** EDGES.md §3.4: AKS probes every 5 s and marks a backend down after 2 failures. */
    private static final Map<String, String> AKS_DEFAULTS = Map.of("interval", "5", "num-of-probe", "2");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        if (!AzureLbAnnotations.inScope(object)) {
            return;
        }
        Map<String, String> annotations = object.annotations();
        boolean fromAzure = !AzureLbAnnotations.alreadyAws(object);
        JsonNode ports = object.at("/spec/ports");
        String onlyPort = ports.size() == 1 ? ports.get(0).path("port").asText() : null;
        RuleOutput.ChangeBuilder change = output.change(object);
        Map<String, String> wanted = new LinkedHashMap<>();
        for (String setting : List.of("protocol", "request-path", "interval", "num-of-probe")) {
            String global = AzureLbAnnotations.value(annotations, azure("load-balancer-health-probe-" + setting));
            if (global != null) {
                wanted.put(setting, global);
            }
        }
        for (Map.Entry<String, String> entry : annotations.entrySet()) {
            if (!AzureLbAnnotations.isPortProbeKey(entry.getKey())) {
                continue;
            }
            change.remove(pointer(entry.getKey()));
            Matcher matcher = AzureLbAnnotations.PORT_KEY.matcher(entry.getKey());
            matcher.matches();
            String setting = matcher.group(2).substring("health-probe_".length());
            if (matcher.group(1).equals(onlyPort) && SETTINGS.containsKey(setting) && !entry.getValue().isBlank()) {
                wanted.put(setting, entry.getValue().strip());
            } else if (setting.equals("port")) {
                change.finding(Finding.warning("`" + entry.getKey() + ": " + entry.getValue() + "` is not carried: "
                        + "with IP targets the NLB checks the pod's traffic port. If the pod answers health checks "
                        + "on another container port, set `" + aws("healthcheck-port") + "` to that port number."));
            } else {
                change.finding(Finding.warning("`" + entry.getKey() + ": " + entry.getValue() + "` has no NLB "
                        + "counterpart: the controller applies one health check to every port of the Service. Set `"
                        + aws("healthcheck-*") + "` annotations by hand if this port needs a different probe."));
            }
        }
        for (String setting : List.of("protocol", "request-path", "interval", "num-of-probe")) {
            String key = azure("load-balancer-health-probe-" + setting);
            if (annotations.containsKey(key)) {
                change.remove(pointer(key));
            }
            String awsKey = aws(SETTINGS.get(setting));
            String value = wanted.getOrDefault(setting, fromAzure ? AKS_DEFAULTS.get(setting) : null);
            if (value == null || annotations.containsKey(awsKey)) {
                continue;
            }
            String translated = translate(setting, value, change);
            if (translated != null) {
                change.add(pointer(awsKey), translated);
            }
        }
        change.summary("Translate the health probe to NLB health check annotations")
                .rationale("EDGES.md §3.2: Azure health probe annotations map to `aws-load-balancer-healthcheck-*`; "
                        + "per-port probes have no NLB counterpart. EDGES.md §3.4: AKS probes every 5 s and marks a "
                        + "target down after 2 failures, the NLB default is 10 s and 3, so the AKS timing is kept.");
    }

    private static String translate(String setting, String value, RuleOutput.ChangeBuilder change) {
        switch (setting) {
            case "protocol" -> {
                String protocol = value.toLowerCase(Locale.ROOT);
                if (List.of("tcp", "http", "https").contains(protocol)) {
                    return protocol;
                }
                change.finding(Finding.warning("Health probe protocol `" + value + "` is not tcp, http or https; "
                        + "the NLB health check keeps its default (TCP to the traffic port)."));
                return null;
            }
            case "interval" -> {
                return bounded(value, 5, 300, "interval in seconds", change);
            }
            case "num-of-probe" -> {
                return bounded(value, 2, 10, "unhealthy threshold", change);
            }
            default -> {
                return value;
            }
        }
    }

    private static String bounded(String value, int min, int max, String what, RuleOutput.ChangeBuilder change) {
        int number;
        try {
            number = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            change.finding(Finding.warning("Health probe " + what + " `" + value + "` is not a number; the NLB "
                    + "default applies."));
            return null;
        }
        int clamped = Math.max(min, Math.min(max, number));
        if (clamped != number) {
            change.finding(Finding.warning("Health probe " + what + " " + number + " is outside the NLB range "
                    + min + "–" + max + "; " + clamped + " is used."));
        }
        return String.valueOf(clamped);
    }
}
