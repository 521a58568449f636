package dev.ferry.engine.rule.loadbalancer;

import static dev.ferry.engine.rule.loadbalancer.NlbServices.aws;

import com.fasterxml.jackson.databind.JsonNode;
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

/**
 * Translates the NLB health-check annotations into Azure health-probe annotations: protocol ({@code Tcp}/{@code Http}/
 * {@code Https}), request path, interval and unhealthy threshold ({@code num-of-probe}); a probe port becomes
 * {@code port_<port>_health-probe_port} for every Service port. Healthy threshold, timeout and success codes have no
 * Azure counterpart; the probe defaults that differ are reported (EDGES.md §3.4).
 */
public final class NlbHealthCheckToAzureProbeRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("nlb-healthcheck-to-azure-probe", "NLB health check to Azure probe",
            "Translates the NLB health-check annotations into Azure load balancer health-probe annotations.",
            Edge.LOAD_BALANCER, Direction.EKS_TO_AKS);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        if (!NlbServices.inScope(object)) {
            return;
        }
        RuleOutput.ChangeBuilder change = output.change(object)
                .summary("NLB health check → Azure health probe")
                .rationale("EDGES.md §3.3: the NLB health-check protocol, path, interval and unhealthy threshold map "
                        + "to `azure-load-balancer-health-probe-*`; the probe port maps per Service port; healthy "
                        + "threshold, timeout and success codes have no Azure setting. EDGES.md §3.4: Azure probes "
                        + "every 5 s and marks down after 2 failures (NLB: 10 s, 3).");
        NlbServices.take(change, object, aws("healthcheck-protocol")).ifPresent(protocol -> {
            String azure = switch (protocol.toLowerCase(Locale.ROOT)) {
                case "http" -> "Http";
                case "https" -> "Https";
                case "tcp" -> "Tcp";
                default -> null;
            };
            if (azure == null) {
                change.finding(Finding.actionRequired("Health-check protocol `" + protocol + "` is not TCP, HTTP or "
                        + "HTTPS; set `" + AzureLbAnnotations.azure("load-balancer-health-probe-protocol") + "`."));
            } else {
                NlbServices.putAzure(change, object, AzureLbAnnotations.azure("load-balancer-health-probe-protocol"), azure);
            }
        });
        NlbServices.take(change, object, aws("healthcheck-path")).ifPresent(path -> NlbServices.putAzure(change,
                object, AzureLbAnnotations.azure("load-balancer-health-probe-request-path"), path));
        NlbServices.take(change, object, aws("healthcheck-interval")).ifPresent(v -> number(change, object, v,
                "load-balancer-health-probe-interval", 5, 2147483647));
        NlbServices.take(change, object, aws("healthcheck-unhealthy-threshold")).ifPresent(v -> number(change, object,
                v, "load-balancer-health-probe-num-of-probe", 1, 2147483647));
        NlbServices.take(change, object, aws("healthcheck-port")).filter(p -> !p.equals("traffic-port"))
                .ifPresent(port -> probePort(change, object, port));
        List<String> none = new ArrayList<>();
        for (String key : List.of("healthcheck-healthy-threshold", "healthcheck-timeout", "healthcheck-success-codes")) {
            NlbServices.take(change, object, aws(key)).ifPresent(v -> none.add(key + "=" + v));
        }
        if (!none.isEmpty()) {
            change.finding(Finding.info("Removed " + none + ": the Azure load balancer probe has no healthy "
                    + "threshold, timeout or success codes (HTTP probes need 200)."));
        }
    }

    private static void number(RuleOutput.ChangeBuilder change, KubeObject object, String value, String azureSuffix,
                               int min, int max) {
        try {
            int parsed = Integer.parseInt(value);
            int clamped = Math.max(min, Math.min(max, parsed));
            NlbServices.putAzure(change, object, AzureLbAnnotations.azure(azureSuffix), String.valueOf(clamped));
            if (clamped != parsed) {
                change.finding(Finding.warning(value + " is below the Azure minimum for `" + azureSuffix + "`; "
                        + clamped + " was written."));
            }
        } catch (NumberFormatException e) {
            change.finding(Finding.actionRequired("`" + value + "` is not a number; set `"
                    + AzureLbAnnotations.azure(azureSuffix) + "` by hand."));
        }
    }

    private static void probePort(RuleOutput.ChangeBuilder change, KubeObject object, String port) {
        String number = port;
        if (!port.chars().allMatch(Character::isDigit)) {
            number = null;
            for (JsonNode p : object.at("/spec/ports")) {
                if (port.equals(p.path("name").asText())) {
                    number = p.path("port").asText();
                }
            }
        }
        if (number == null) {
            change.finding(Finding.actionRequired("Health-check port `" + port + "` names no port of the Service; set "
                    + "`service.beta.kubernetes.io/port_<port>_health-probe_port` by hand."));
            return;
        }
        for (JsonNode p : object.at("/spec/ports")) {
            NlbServices.putAzure(change, object, AzureLbAnnotations.PREFIX + "port_" + p.path("port").asText()
                    + "_health-probe_port", number);
        }
    }
}
