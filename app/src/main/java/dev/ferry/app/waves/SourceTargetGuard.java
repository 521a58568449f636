package dev.ferry.app.waves;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.cluster.connect.ClusterInfo;
import dev.ferry.cluster.connect.SameServerCheck;
import dev.ferry.plan.bundle.ClusterOrigin;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Refuses a wave action whose target is a source: the connected source cluster, or the cluster the bundle was
 * proposed from (recorded in {@code bundle.yaml}), which matters when a bundle is opened with only a target
 * connected. Runs off the FX thread: the comparison may resolve host names.
 */
final class SourceTargetGuard {

    private final SameServerCheck check;

    SourceTargetGuard(SameServerCheck check) {
        this.check = check;
    }

    /**
     * @param connectedSource the connected source's server, or null
     * @return the refusal naming both sides, or empty when the target is neither source
     */
    Optional<String> refusal(ClusterInfo target, String connectedSource, JsonNode manifest, String action) {
        Map<String, String> sources = new LinkedHashMap<>();
        ClusterOrigin.fromManifest(manifest).ifPresent(origin ->
                sources.put(origin.server(), "this bundle's source cluster " + origin + ", recorded when it was proposed"));
        if (connectedSource != null && !connectedSource.isBlank()) {
            sources.putIfAbsent(connectedSource, "the connected source cluster (" + connectedSource + ")");
        }
        return sources.entrySet().stream()
                .filter(source -> check.sameServer(source.getKey(), target.server()))
                .findFirst()
                .map(source -> "Refusing to " + action + " on " + target.context() + " (" + target.server()
                        + "): it is the same API server as " + source.getValue()
                        + ". Nothing was written. Connect the target cluster's context instead.");
    }
}
