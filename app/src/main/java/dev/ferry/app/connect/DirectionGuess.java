package dev.ferry.app.connect;

import dev.ferry.engine.Direction;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Which way a migration from a cluster most likely goes, from its API server's host name alone: AKS servers are
 * {@code *.azmk8s.io}, EKS servers {@code *.eks.amazonaws.com}. Anything else (a sandbox, a private name) says
 * nothing and the user chooses.
 */
public final class DirectionGuess {

    private DirectionGuess() {
    }

    /** The direction for migrating away from the cluster at {@code server}, when its host name gives it away. */
    public static Optional<Direction> fromSourceServer(String server) {
        String host = host(server);
        if (host.endsWith(".azmk8s.io")) {
            return Optional.of(Direction.AKS_TO_EKS);
        }
        if (host.endsWith(".eks.amazonaws.com") || host.endsWith(".eks.amazonaws.com.cn")) {
            return Optional.of(Direction.EKS_TO_AKS);
        }
        return Optional.empty();
    }

    private static String host(String server) {
        if (server == null) {
            return "";
        }
        String text = server.strip().toLowerCase(Locale.ROOT);
        try {
            String host = URI.create(text.contains("://") ? text : "https://" + text).getHost();
            return host == null ? "" : host;
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
