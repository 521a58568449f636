package dev.ferry.app.connect;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One side of the migration as the connections bar shows it: which kubeconfig, which context, and what that context
 * points at. The version is known only once a cluster has answered.
 *
 * @param kubeconfig the kubeconfig file
 * @param context    the context name
 * @param server     the API server URL
 * @param user       the kubeconfig user entry's name (never its credentials)
 * @param version    the server's version once connected
 */
public record ClusterConnection(Path kubeconfig, String context, String server, String user,
                                Optional<String> version) {

    private static final Pattern PRODUCTION = Pattern.compile("(^|[^a-z])(prod|prd|production|live)([^a-z]|$)");

    /** True when the context or server name suggests production, so the bar flags a target that does. */
    public boolean looksLikeProduction() {
        return PRODUCTION.matcher(context.toLowerCase(Locale.ROOT)).find()
                || PRODUCTION.matcher(server.toLowerCase(Locale.ROOT)).find();
    }

    /** True when both sides point at the same API server. */
    public boolean sameServerAs(ClusterConnection other) {
        return other != null && normalise(server).equals(normalise(other.server));
    }

    private static String normalise(String url) {
        String s = url.toLowerCase(Locale.ROOT).strip();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s.replace(":443", "");
    }
}
