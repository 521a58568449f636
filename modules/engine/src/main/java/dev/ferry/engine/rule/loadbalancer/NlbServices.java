package dev.ferry.engine.rule.loadbalancer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.engine.Finding;
import dev.ferry.engine.rule.RuleOutput.ChangeBuilder;
import dev.ferry.model.KubeObject;
import java.util.Optional;
import java.util.Set;

/**
 * EKS → AKS side of the load-balancer edge (EDGES.md §3.1, §3.3): which LoadBalancer Services an AWS controller
 * provisions, which AWS annotation keys a named rule translates, and how Azure annotations are written without
 * overriding a value the source already carries.
 */
final class NlbServices {

    static final String SOURCE_RANGES = AzureLbAnnotations.PREFIX + "load-balancer-source-ranges";

    /** Keys a named E→A rule translates; the catch-all reports the rest of {@code aws-load-balancer-*}. */
    static final Set<String> HANDLED = Set.of(
            aws("type"), aws("nlb-target-type"), aws("scheme"), aws("internal"), aws("subnets"),
            aws("healthcheck-protocol"), aws("healthcheck-port"), aws("healthcheck-path"), aws("healthcheck-interval"),
            aws("healthcheck-unhealthy-threshold"), aws("healthcheck-healthy-threshold"), aws("healthcheck-timeout"),
            aws("healthcheck-success-codes"),
            aws("attributes"), aws("target-group-attributes"), aws("proxy-protocol"),
            aws("eip-allocations"), aws("private-ipv4-addresses"), aws("additional-resource-tags"),
            aws("ip-address-type"), aws("security-group-prefix-lists"));

    private NlbServices() {
    }

    static String aws(String suffix) {
        return AzureLbAnnotations.aws(suffix);
    }

    static boolean isAwsKey(String key) {
        return key.startsWith(AzureLbAnnotations.PREFIX + "aws-load-balancer-");
    }

    static boolean isListenerAttributes(String key) {
        return key.startsWith(aws("listener-attributes."));
    }

    /**
     * A {@code type: LoadBalancer} Service an AWS controller provisions: the LBC or Auto Mode class, or any
     * {@code aws-load-balancer-*} annotation (LBC or the in-tree provider).
     */
    static boolean inScope(KubeObject object) {
        if (!object.isKind("", "Service") || !"LoadBalancer".equals(object.at("/spec/type").asText())) {
            return false;
        }
        return awsClass(object).isPresent() || object.annotations().keySet().stream().anyMatch(NlbServices::isAwsKey);
    }

    static Optional<String> awsClass(KubeObject object) {
        JsonNode lbClass = object.at("/spec/loadBalancerClass");
        return Optional.of(lbClass.asText("")).filter(c -> c.equals(AzureLbAnnotations.NLB_CLASS)
                || c.equals(AzureLbAnnotations.AUTO_MODE_CLASS));
    }

    /** True when the AWS Load Balancer Controller (or Auto Mode) provisions it, whose default scheme is internal. */
    static boolean lbcManaged(KubeObject object) {
        String type = object.annotations().getOrDefault(aws("type"), "").strip();
        return awsClass(object).isPresent() || type.equals("external") || type.equals("nlb-ip");
    }

    /** The annotation's stripped value, or empty. */
    static Optional<String> value(KubeObject object, String key) {
        return Optional.ofNullable(object.annotations().get(key)).map(String::strip).filter(v -> !v.isEmpty());
    }

    /** Removes an annotation when present and returns its value. */
    static Optional<String> take(ChangeBuilder change, KubeObject object, String key) {
        if (!object.annotations().containsKey(key)) {
            return Optional.empty();
        }
        change.remove(AzureLbAnnotations.pointer(key));
        return Optional.of(object.annotations().get(key).strip());
    }

    /** Adds an Azure annotation unless the source has the key; a different existing value is kept and reported. */
    static void putAzure(ChangeBuilder change, KubeObject object, String key, String value) {
        String existing = object.annotations().get(key);
        if (existing == null) {
            change.add(AzureLbAnnotations.pointer(key), value);
        } else if (!existing.strip().equals(value)) {
            change.finding(Finding.info("Kept the existing `" + key + ": " + existing + "`; the AWS settings would "
                    + "have given `" + value + "`."));
        }
    }

    static String qualified(KubeObject object) {
        return "Service " + (object.namespace().isEmpty() ? "" : object.namespace() + "/") + object.name();
    }
}
