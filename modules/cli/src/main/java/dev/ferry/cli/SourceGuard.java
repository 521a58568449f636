package dev.ferry.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.cluster.connect.ClusterInfo;
import dev.ferry.cluster.connect.SameServerCheck;
import dev.ferry.plan.bundle.ClusterOrigin;
import java.util.Optional;

/**
 * Refuses to write to the cluster a bundle was proposed from: {@code bundle.yaml} records the source's context and
 * server when the bundle came from a live inventory, and {@code ferry apply} and {@code ferry rollback} compare the
 * target with it before touching anything (the same comparison the cluster module makes for two connections).
 */
final class SourceGuard {

    private SourceGuard() {
    }

    /** The message refusing {@code action} on {@code target}, or empty when the target is not the bundle's source. */
    static Optional<String> refusal(JsonNode manifest, ClusterInfo target, String action) {
        return refusal(manifest, target, action, new SameServerCheck());
    }

    static Optional<String> refusal(JsonNode manifest, ClusterInfo target, String action, SameServerCheck check) {
        Optional<ClusterOrigin> source = ClusterOrigin.fromManifest(manifest);
        if (source.isEmpty() || !check.sameServer(source.get().server(), target.server())) {
            return Optional.empty();
        }
        return Optional.of("refusing to " + action + " on `" + target.context() + "` (" + target.server()
                + "): it is the same API server as this bundle's source cluster " + source.get()
                + ", recorded in bundle.yaml when it was proposed. Nothing was written. Pick the target cluster's "
                + "context with --context.");
    }

    /** The source server recorded in the bundle, for the cluster module's own check; null when there is none. */
    static String sourceServer(JsonNode manifest) {
        return ClusterOrigin.fromManifest(manifest).map(ClusterOrigin::server).orElse(null);
    }
}
