package dev.ferry.engine.rule.loadbalancer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.engine.patch.Pointer;
import dev.ferry.model.KubeObject;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Annotation keys of cloud-provider-azure and the AWS Load Balancer Controller (EDGES.md §3.2), which Service is in
 * scope, and which Azure keys a specific rule of this package translates (the rest go to the catch-all rule).
 */
final class AzureLbAnnotations {

    static final String PREFIX = "service.beta.kubernetes.io/";
    static final String AZURE_PREFIX = PREFIX + "azure-";
    static final String NLB_CLASS = "service.k8s.aws/nlb";
    static final String AUTO_MODE_CLASS = "eks.amazonaws.com/nlb";
    static final String AWS_TYPE = aws("type");

    static final String INTERNAL = azure("load-balancer-internal");
    static final String INTERNAL_SUBNET = azure("load-balancer-internal-subnet");

    /** {@code service.beta.kubernetes.io/port_<port>_<setting>}: per-port overrides. */
    static final Pattern PORT_KEY = Pattern.compile(Pattern.quote(PREFIX) + "port_(\\d+)_(.+)");

    private static final Set<String> TRANSLATED = Set.of(
            INTERNAL, INTERNAL_SUBNET,
            azure("load-balancer-ipv4"), azure("load-balancer-ipv6"), azure("pip-name"), azure("pip-name-ipv6"),
            azure("pip-prefix-id"), azure("pip-prefix-id-ipv6"), azure("load-balancer-resource-group"),
            azure("dns-label-name"), azure("pip-tags"), azure("pip-ip-tags"), azure("additional-public-ips"),
            azure("load-balancer-tcp-idle-timeout"), azure("load-balancer-disable-tcp-reset"),
            azure("load-balancer-health-probe-protocol"), azure("load-balancer-health-probe-request-path"),
            azure("load-balancer-health-probe-interval"), azure("load-balancer-health-probe-num-of-probe"),
            azure("allowed-ip-ranges"), azure("allowed-service-tags"),
            azure("deny-all-except-load-balancer-source-ranges"));

    private AzureLbAnnotations() {
    }

    static String azure(String suffix) {
        return AZURE_PREFIX + suffix;
    }

    static String aws(String suffix) {
        return PREFIX + "aws-load-balancer-" + suffix;
    }

    static String pointer(String annotation) {
        return Pointer.of("metadata", "annotations", annotation);
    }

    /**
     * A {@code type: LoadBalancer} Service that cloud-provider-azure reconciled (no class) or that already names the
     * AWS NLB class (so the rules stay idempotent over their own output).
     */
    static boolean inScope(KubeObject object) {
        if (!object.isKind("", "Service") || !"LoadBalancer".equals(object.at("/spec/type").asText())) {
            return false;
        }
        JsonNode lbClass = object.at("/spec/loadBalancerClass");
        return lbClass.isMissingNode() || lbClass.isNull()
                || Set.of(NLB_CLASS, AUTO_MODE_CLASS).contains(lbClass.asText());
    }

    /**
     * True when the Service already names its AWS load balancer (a class or {@code aws-load-balancer-type}), so it was
     * written for AWS or has been translated: AKS defaults are not imposed on it.
     */
    static boolean alreadyAws(KubeObject object) {
        JsonNode lbClass = object.at("/spec/loadBalancerClass");
        return !lbClass.isMissingNode() && !lbClass.isNull() || object.annotations().containsKey(AWS_TYPE);
    }

    /** True for every key cloud-provider-azure reads: {@code azure-*} and {@code port_<n>_*}. */
    static boolean isAzureKey(String key) {
        return key.startsWith(AZURE_PREFIX) || PORT_KEY.matcher(key).matches();
    }

    /** Per-port health probe keys ({@code port_80_health-probe_interval}); the health-probe rule owns them. */
    static boolean isPortProbeKey(String key) {
        Matcher matcher = PORT_KEY.matcher(key);
        return matcher.matches() && matcher.group(2).startsWith("health-probe_");
    }

    /** True when a specific rule translates the key for a Service in scope; the catch-all rule skips those. */
    static boolean translatedBySpecificRule(String key) {
        return TRANSLATED.contains(key) || key.startsWith(azure("pls-")) || isPortProbeKey(key);
    }

    /** The annotation if present and not blank. */
    static String value(Map<String, String> annotations, String key) {
        String value = annotations.get(key);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
