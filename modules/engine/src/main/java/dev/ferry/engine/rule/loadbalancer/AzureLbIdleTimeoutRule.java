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
import java.util.Locale;
import java.util.Map;

/**
 * Translates {@code azure-load-balancer-tcp-idle-timeout} (minutes) into one NLB listener attribute
 * {@code aws-load-balancer-listener-attributes.TCP-<port>: tcp.idle_timeout.seconds=<n>} per TCP port, and removes
 * {@code azure-load-balancer-disable-tcp-reset}, which has no NLB counterpart.
 */
public final class AzureLbIdleTimeoutRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("azure-lb-idle-timeout-to-nlb-listener",
            "Azure LB idle timeout to NLB listener attribute",
            "Converts the Azure TCP idle timeout in minutes to an NLB listener idle timeout in seconds for every TCP "
                    + "port.",
            Edge.LOAD_BALANCER, Direction.AKS_TO_EKS);

    static final String IDLE_TIMEOUT = azure("load-balancer-tcp-idle-timeout");
    static final String DISABLE_RESET = azure("load-balancer-disable-tcp-reset");

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
        if (!annotations.containsKey(IDLE_TIMEOUT) && !annotations.containsKey(DISABLE_RESET)) {
            return;
        }
        RuleOutput.ChangeBuilder change = output.change(object)
                .summary("Carry the TCP idle timeout to the NLB listeners")
                .rationale("EDGES.md §3.2: `azure-load-balancer-tcp-idle-timeout` (minutes, 4–100) maps to the NLB "
                        + "listener attribute `tcp.idle_timeout.seconds` (60–6000); TCP reset on idle has no "
                        + "NLB setting. EDGES.md §3.4: the NLB default is 350 s against 4 minutes on AKS.");
        if (annotations.containsKey(DISABLE_RESET)) {
            change.remove(pointer(DISABLE_RESET));
            change.finding(Finding.info("`" + DISABLE_RESET + "` was removed: an NLB has no setting for TCP reset "
                    + "on idle connections."));
        }
        if (!annotations.containsKey(IDLE_TIMEOUT)) {
            return;
        }
        change.remove(pointer(IDLE_TIMEOUT));
        String raw = annotations.get(IDLE_TIMEOUT).strip();
        int minutes;
        try {
            minutes = Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            change.finding(Finding.warning("TCP idle timeout `" + raw + "` is not a whole number of minutes; the NLB "
                    + "default of 350 s applies. Set `" + aws("listener-attributes.TCP-<port>") + "` by hand."));
            return;
        }
        int seconds = Math.max(60, Math.min(6000, minutes * 60));
        if (seconds != minutes * 60) {
            change.finding(Finding.warning("TCP idle timeout of " + minutes + " minutes is outside the NLB range "
                    + "60–6000 s; " + seconds + " s is used."));
        }
        boolean anyTcp = false;
        for (JsonNode port : object.at("/spec/ports")) {
            String protocol = port.path("protocol").asText("TCP").toUpperCase(Locale.ROOT);
            if (!protocol.equals("TCP") || !port.path("port").canConvertToInt()) {
                continue;
            }
            anyTcp = true;
            String key = aws("listener-attributes.TCP-" + port.path("port").asInt());
            if (!annotations.containsKey(key)) {
                change.add(pointer(key), "tcp.idle_timeout.seconds=" + seconds);
            }
        }
        if (!anyTcp) {
            change.finding(Finding.info("The Service has no TCP port, so the TCP idle timeout of " + minutes
                    + " minutes is not carried (UDP listeners have a fixed idle timeout)."));
        }
    }
}
