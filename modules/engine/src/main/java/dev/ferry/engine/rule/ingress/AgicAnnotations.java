package dev.ferry.engine.rule.ingress;

import dev.ferry.engine.patch.Pointer;
import dev.ferry.model.KubeObject;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code appgw.ingress.kubernetes.io/*} annotation keys of AGIC (EDGES.md §2.2) and how to read their values.
 * {@link #HANDLED} lists every key a named rule of this package translates or removes; the catch-all rule removes
 * the rest, so no AGIC key survives the migration.
 */
final class AgicAnnotations {

    static final String PREFIX = "appgw.ingress.kubernetes.io/";

    static final String BACKEND_PATH_PREFIX = PREFIX + "backend-path-prefix";
    static final String BACKEND_HOSTNAME = PREFIX + "backend-hostname";
    static final String BACKEND_PROTOCOL = PREFIX + "backend-protocol";
    static final String SSL_REDIRECT = PREFIX + "ssl-redirect";
    static final String SSL_CERTIFICATE = PREFIX + "appgw-ssl-certificate";
    static final String TRUSTED_ROOT_CERTIFICATE = PREFIX + "appgw-trusted-root-certificate";
    static final String SSL_PROFILE = PREFIX + "appgw-ssl-profile";
    static final String CONNECTION_DRAINING = PREFIX + "connection-draining";
    static final String CONNECTION_DRAINING_TIMEOUT = PREFIX + "connection-draining-timeout";
    static final String COOKIE_AFFINITY = PREFIX + "cookie-based-affinity";
    static final String COOKIE_AFFINITY_DISTINCT_NAME = PREFIX + "cookie-based-affinity-distinct-name";
    static final String REQUEST_TIMEOUT = PREFIX + "request-timeout";
    static final String OVERRIDE_FRONTEND_PORT = PREFIX + "override-frontend-port";
    static final String USE_PRIVATE_IP = PREFIX + "use-private-ip";
    static final String WAF_POLICY_FOR_PATH = PREFIX + "waf-policy-for-path";
    static final String HEALTH_PROBE_HOSTNAME = PREFIX + "health-probe-hostname";
    static final String HEALTH_PROBE_PORT = PREFIX + "health-probe-port";
    static final String HEALTH_PROBE_PATH = PREFIX + "health-probe-path";
    static final String HEALTH_PROBE_STATUS_CODES = PREFIX + "health-probe-status-codes";
    static final String HEALTH_PROBE_INTERVAL = PREFIX + "health-probe-interval";
    static final String HEALTH_PROBE_TIMEOUT = PREFIX + "health-probe-timeout";
    static final String HEALTH_PROBE_UNHEALTHY_THRESHOLD = PREFIX + "health-probe-unhealthy-threshold";
    static final String REWRITE_RULE_SET = PREFIX + "rewrite-rule-set";
    static final String REWRITE_RULE_SET_CUSTOM_RESOURCE = PREFIX + "rewrite-rule-set-custom-resource";
    static final String HOSTNAME_EXTENSION = PREFIX + "hostname-extension";
    static final String RULE_PRIORITY = PREFIX + "rule-priority";

    /** Keys some rule of this package translates or removes by name. */
    static final Set<String> HANDLED = Set.of(BACKEND_PATH_PREFIX, BACKEND_HOSTNAME, BACKEND_PROTOCOL, SSL_REDIRECT,
            SSL_CERTIFICATE, TRUSTED_ROOT_CERTIFICATE, SSL_PROFILE, CONNECTION_DRAINING, CONNECTION_DRAINING_TIMEOUT,
            COOKIE_AFFINITY, COOKIE_AFFINITY_DISTINCT_NAME, REQUEST_TIMEOUT, OVERRIDE_FRONTEND_PORT, USE_PRIVATE_IP,
            WAF_POLICY_FOR_PATH, HEALTH_PROBE_HOSTNAME, HEALTH_PROBE_PORT, HEALTH_PROBE_PATH, HEALTH_PROBE_STATUS_CODES,
            HEALTH_PROBE_INTERVAL, HEALTH_PROBE_TIMEOUT, HEALTH_PROBE_UNHEALTHY_THRESHOLD, REWRITE_RULE_SET,
            REWRITE_RULE_SET_CUSTOM_RESOURCE, HOSTNAME_EXTENSION, RULE_PRIORITY);

    private static final Set<String> TRUE = Set.of("1", "t", "true");
    private static final Set<String> FALSE = Set.of("0", "f", "false");

    private AgicAnnotations() {
    }

    static boolean isAgicKey(String key) {
        return key.startsWith(PREFIX);
    }

    /** JSON Pointer of an annotation, escaping the {@code /} in its key. */
    static String pointer(String annotationKey) {
        return Pointer.of("metadata", "annotations", annotationKey);
    }

    static Optional<String> value(KubeObject object, String key) {
        return Optional.ofNullable(object.annotations().get(key)).map(String::strip);
    }

    /** A boolean as AGIC parses it (Go {@code strconv.ParseBool}); empty when absent or not a boolean. */
    static Optional<Boolean> bool(KubeObject object, String key) {
        return value(object, key).map(v -> v.toLowerCase(Locale.ROOT)).flatMap(v -> TRUE.contains(v)
                ? Optional.of(true) : FALSE.contains(v) ? Optional.of(false) : Optional.empty());
    }

    /** True when the annotation is a boolean that reads true. */
    static boolean isTrue(KubeObject object, String key) {
        return bool(object, key).orElse(false);
    }

    /** An integer value; empty when absent or not an integer. */
    static Optional<Integer> integer(KubeObject object, String key) {
        return value(object, key).flatMap(v -> {
            try {
                return Optional.of(Integer.parseInt(v));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    /** True when AGIC would terminate TLS for this Ingress: {@code spec.tls} entries or an installed certificate. */
    static boolean terminatesTls(KubeObject ingress) {
        return ingress.at("/spec/tls").size() > 0 || value(ingress, SSL_CERTIFICATE).filter(v -> !v.isBlank()).isPresent();
    }
}
