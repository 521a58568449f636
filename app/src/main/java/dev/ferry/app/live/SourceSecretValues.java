package dev.ferry.app.live;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.cluster.apply.SecretValues;
import dev.ferry.cluster.connect.ClusterException;
import dev.ferry.cluster.connect.ClusterReader;
import dev.ferry.model.ResourceKey;
import java.io.IOException;
import java.util.Base64;
import java.util.Optional;

/**
 * Secret values read from the connected source cluster at apply time, straight into the target: they are held in
 * memory for the one write and never written to a file or a log. The bundle itself only ever holds digests.
 */
public final class SourceSecretValues implements SecretValues {

    private final ClusterReader source;
    private final String context;

    public SourceSecretValues(ClusterReader source, String context) {
        this.source = source;
        this.context = context;
    }

    @Override
    public Optional<byte[]> value(String namespace, String name, String key) throws IOException {
        Optional<com.fasterxml.jackson.databind.node.ObjectNode> secret;
        try {
            secret = source.get(ResourceKey.of("v1", "Secret", namespace, name));
        } catch (ClusterException e) {
            throw new IOException("Cannot read Secret " + namespace + "/" + name + " from the source " + context
                    + ": " + e.getMessage(), e);
        }
        if (secret.isEmpty()) {
            return Optional.empty();
        }
        JsonNode data = secret.get().path("data").path(key);
        if (data.isTextual()) {
            return Optional.of(Base64.getDecoder().decode(data.asText()));
        }
        JsonNode text = secret.get().path("stringData").path(key);
        return text.isTextual() ? Optional.of(text.asText().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                : Optional.empty();
    }

    @Override
    public String howToSupply(String namespace, String name, String key) {
        return "the source " + context + " has no key " + key + " in Secret " + namespace + "/" + name
                + "; add it there, or " + SecretValues.none().howToSupply(namespace, name, key);
    }
}
