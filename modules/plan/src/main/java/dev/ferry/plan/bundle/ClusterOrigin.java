package dev.ferry.plan.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.model.io.Yaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The live cluster a bundle's source objects were read from: the kubeconfig context and the API server URL, never a
 * credential. Recorded in {@code bundle.yaml} as {@code sourceCluster: {context, server}} when the bundle was proposed
 * from a live inventory, so {@code ferry apply} can refuse to write a migration back onto its source. Bundles
 * proposed from manifest files, and bundles written before Ferry recorded it, have none.
 *
 * @param context the kubeconfig context the inventory used
 * @param server  the API server URL
 */
public record ClusterOrigin(String context, String server) {

    /** The key in {@code bundle.yaml}. */
    public static final String MANIFEST_KEY = "sourceCluster";

    /** The summary file {@code ferry inventory} writes into its folder. */
    public static final String INVENTORY_SUMMARY = ".inventory.yaml";

    public ClusterOrigin {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(server, "server");
    }

    /** The origin recorded in a bundle manifest; empty when there is none or it has no server. */
    public static Optional<ClusterOrigin> fromManifest(JsonNode manifest) {
        JsonNode node = manifest == null ? null : manifest.path(MANIFEST_KEY);
        if (node == null || !node.isObject() || node.path("server").asText("").isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new ClusterOrigin(node.path("context").asText(""), node.path("server").asText()));
    }

    /**
     * The origin an inventory folder records in its summary ({@value #INVENTORY_SUMMARY}, written by
     * {@code ferry inventory}); empty when the folder is not an inventory or names no server.
     *
     * @throws BundleException when the summary exists but cannot be read
     */
    public static Optional<ClusterOrigin> ofInventory(Path folder) throws BundleException {
        Path summary = folder.resolve(INVENTORY_SUMMARY);
        if (!Files.isDirectory(folder) || !Files.isRegularFile(summary)) {
            return Optional.empty();
        }
        try {
            JsonNode tree = Yaml.parse(Files.readString(summary));
            if (!"ferry-inventory".equals(tree.path("format").asText())
                    || tree.path("server").asText("").isBlank()) {
                return Optional.empty();
            }
            return Optional.of(new ClusterOrigin(tree.path("context").asText(""), tree.path("server").asText()));
        } catch (IOException | RuntimeException e) {
            throw new BundleException("Cannot read the inventory summary " + summary + " (" + e.getMessage()
                    + "). Take the inventory again with `ferry inventory`.");
        }
    }

    void writeTo(ObjectNode manifest) {
        ObjectNode node = manifest.putObject(MANIFEST_KEY);
        node.put("context", context);
        node.put("server", server);
    }

    @Override
    public String toString() {
        return "`" + context + "` (" + server + ")";
    }
}
