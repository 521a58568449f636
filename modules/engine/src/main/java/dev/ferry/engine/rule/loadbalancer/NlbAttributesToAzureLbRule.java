package dev.ferry.engine.rule.loadbalancer;

import static dev.ferry.engine.rule.loadbalancer.NlbServices.aws;

import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.Finding;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.rule.RuleInfo;
import dev.ferry.engine.rule.RuleOutput;
import dev.ferry.model.KubeObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Translates the NLB attribute annotations: listener idle timeouts ({@code listener-attributes.TCP-<port>}, seconds)
 * → {@code azure-load-balancer-tcp-idle-timeout} (minutes, 4–100, the longest listener wins); source-IP stickiness →
 * {@code spec.sessionAffinity: ClientIP}; client-IP preservation, proxy protocol v2, deregistration delay and load
 * balancer attributes are reported with their Azure practice.
 */
public final class NlbAttributesToAzureLbRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("nlb-attributes-to-azure-lb", "NLB attributes to Azure Load Balancer",
            "Translates NLB idle timeouts and source-IP stickiness and reports the NLB attributes Azure cannot express.",
            Edge.LOAD_BALANCER, Direction.EKS_TO_AKS);

    static final String IDLE_TIMEOUT = AzureLbAnnotations.azure("load-balancer-tcp-idle-timeout");

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
                .summary("NLB attributes → Azure Load Balancer settings")
                .rationale("EDGES.md §3.3: the NLB listener idle timeout (seconds, 60–6000, default 350) becomes "
                        + "`azure-load-balancer-tcp-idle-timeout` in minutes (4–100, default 4); source-IP "
                        + "stickiness is `sessionAffinity: ClientIP`; target-group and load balancer attributes "
                        + "otherwise have no Azure annotation.");
        TreeSet<Integer> seconds = new TreeSet<>();
        object.annotations().keySet().stream().filter(NlbServices::isListenerAttributes).sorted().forEach(key -> {
            String text = NlbServices.take(change, object, key).orElse("");
            Map<String, String> attributes = attributes(text);
            String idle = attributes.remove("tcp.idle_timeout.seconds");
            if (idle != null && idle.chars().allMatch(Character::isDigit) && !idle.isEmpty()) {
                seconds.add(Integer.parseInt(idle));
            }
            if (!attributes.isEmpty()) {
                change.finding(Finding.warning("Listener attributes " + attributes + " of `" + key + "` have no Azure "
                        + "counterpart and were dropped."));
            }
        });
        if (!seconds.isEmpty()) {
            int minutes = (int) Math.max(4, Math.min(100, Math.ceil(seconds.last() / 60.0)));
            NlbServices.putAzure(change, object, IDLE_TIMEOUT, String.valueOf(minutes));
            if (seconds.size() > 1 || minutes * 60 != seconds.last()) {
                change.finding(Finding.info("NLB idle timeouts " + seconds + " s became one Azure idle timeout of "
                        + minutes + " min (per Service, 4–100 min)."));
            }
        } else if (NlbServices.lbcManaged(object)) {
            change.finding(Finding.info("The NLB closed idle TCP connections after 350 s; Azure does after 4 min with "
                    + "a TCP reset (EDGES.md §3.4). Set `" + IDLE_TIMEOUT + "` if clients keep connections idle longer."));
        }
        NlbServices.take(change, object, aws("target-group-attributes")).ifPresent(text -> targetGroup(text, object, change));
        NlbServices.take(change, object, aws("proxy-protocol")).ifPresent(v -> change.finding(Finding.actionRequired(
                NlbServices.qualified(object) + ": the NLB sent PROXY protocol v2 headers (`proxy-protocol: " + v + "`); "
                        + "the Azure load balancer does not (only a Private Link Service can, with "
                        + "`azure-pls-proxy-protocol`). Turn PROXY protocol off in the backend or it will reject "
                        + "connections.")));
        NlbServices.take(change, object, aws("attributes")).ifPresent(v -> change.finding(Finding.info(
                "Load balancer attributes `" + v + "` were removed: the Azure Standard Load Balancer is zone-redundant "
                        + "(no cross-zone setting); use a resource lock for deletion protection and diagnostic "
                        + "settings for logs.")));
    }

    private static void targetGroup(String text, KubeObject object, RuleOutput.ChangeBuilder change) {
        Map<String, String> attributes = attributes(text);
        List<String> other = new ArrayList<>();
        boolean sourceIp = "true".equals(attributes.get("stickiness.enabled"))
                && "source_ip".equals(attributes.getOrDefault("stickiness.type", "source_ip"));
        attributes.forEach((key, value) -> {
            switch (key) {
                case "stickiness.enabled", "stickiness.type" -> { }
                case "preserve_client_ip.enabled" -> {
                    if (value.equals("true") && !"Local".equals(object.at("/spec/externalTrafficPolicy").asText())) {
                        change.finding(Finding.warning("The NLB preserved client IPs; on Azure pods see the client "
                                + "IP only with `spec.externalTrafficPolicy: Local`, which also keeps traffic on "
                                + "nodes running the pods. Set it if the application needs the client IP."));
                    }
                }
                case "proxy_protocol_v2.enabled" -> {
                    if (value.equals("true")) {
                        change.finding(Finding.actionRequired(NlbServices.qualified(object) + ": the NLB sent PROXY "
                                + "protocol v2 headers; the Azure load balancer does not. Turn PROXY protocol off "
                                + "in the backend."));
                    }
                }
                default -> other.add(key + "=" + value);
            }
        });
        if (sourceIp && !"ClientIP".equals(object.at("/spec/sessionAffinity").asText())) {
            change.add("/spec/sessionAffinity", "ClientIP");
        }
        if (!other.isEmpty()) {
            change.finding(Finding.info("Target group attributes " + other + " have no Azure counterpart (the Azure "
                    + "load balancer does not drain) and were dropped."));
        }
    }

    static Map<String, String> attributes(String text) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String pair : text.split(",")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                attributes.put(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
            }
        }
        return attributes;
    }
}
