package dev.ferry.cluster.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.cluster.journal.ObjectDigest;
import dev.ferry.model.KubeObject;
import dev.ferry.model.sanitize.SecretRedactor;
import java.io.IOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fills the values of redacted Secrets from {@link SecretValues}, checking each against the digest recorded at the
 * source. A missing or wrong value becomes a {@link Rejection} naming the Secret, the key and how to supply it, so
 * the wave stops before anything is written.
 */
final class SecretPreparer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SecretValues values;
    private final SecretScrubber scrubber;

    SecretPreparer(SecretValues values, SecretScrubber scrubber) {
        this.values = values;
        this.scrubber = scrubber;
    }

    /** The object to send, or a rejection. Objects other than redacted Secrets are sent as they are. */
    PreparedObject prepare(KubeObject object, List<Rejection> rejections) {
        String digest = ObjectDigest.of(object.body());
        if (!object.key().isKind("", "Secret")) {
            return new PreparedObject(object, object.body(), digest);
        }
        ObjectNode body = object.copyBody();
        body.path("data").forEach(v -> scrubber.add(decode(v.asText())));
        body.path("stringData").forEach(v -> scrubber.add(v.asText().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        JsonNode annotations = body.path("metadata").path("annotations");
        String recorded = annotations.path(SecretRedactor.DIGESTS_ANNOTATION).asText("");
        if (recorded.isEmpty()) {
            return new PreparedObject(object, body, digest);
        }
        Map<String, String> digests;
        try {
            digests = JSON.readValue(recorded, JSON.getTypeFactory().constructMapType(Map.class, String.class,
                    String.class));
        } catch (IOException e) {
            rejections.add(new Rejection(object.key(), "the annotation " + SecretRedactor.DIGESTS_ANNOTATION
                    + " is not a JSON map of key to digest; propose the Secret again from the source"));
            return null;
        }
        ObjectNode data = body.has("data") && body.get("data").isObject() ? (ObjectNode) body.get("data")
                : body.putObject("data");
        boolean complete = true;
        for (Map.Entry<String, String> entry : digests.entrySet()) {
            String key = entry.getKey();
            if (data.has(key)) {
                continue;
            }
            Optional<byte[]> value = supplied(object, key, entry.getValue(), rejections);
            if (value.isEmpty()) {
                complete = false;
                continue;
            }
            data.put(key, Base64.getEncoder().encodeToString(value.get()));
            Arrays.fill(value.get(), (byte) 0);
        }
        if (!complete) {
            return null;
        }
        ObjectNode annotationNode = (ObjectNode) body.path("metadata").path("annotations");
        annotationNode.remove(SecretRedactor.DIGESTS_ANNOTATION);
        if (annotationNode.isEmpty()) {
            ((ObjectNode) body.get("metadata")).remove("annotations");
        }
        return new PreparedObject(object, body, digest);
    }

    private Optional<byte[]> supplied(KubeObject secret, String key, String digest, List<Rejection> rejections) {
        String namespace = secret.namespace();
        String name = secret.name();
        Optional<byte[]> value;
        try {
            value = values.value(namespace, name, key);
        } catch (IOException e) {
            rejections.add(new Rejection(secret.key(), "the value of key `" + key + "` cannot be read ("
                    + e.getClass().getSimpleName() + "); " + values.howToSupply(namespace, name, key)));
            return Optional.empty();
        }
        if (value.isEmpty()) {
            rejections.add(new Rejection(secret.key(), "no value supplied for key `" + key + "` (Ferry does not "
                    + "carry Secret values from the source): " + values.howToSupply(namespace, name, key)));
            return Optional.empty();
        }
        byte[] bytes = value.get();
        if (ObjectDigest.sha256(bytes).equals(digest)) {
            scrubber.add(bytes);
            return value;
        }
        byte[] trimmed = withoutTrailingNewline(bytes);
        if (trimmed != null && ObjectDigest.sha256(trimmed).equals(digest)) {
            // `echo value > file` adds a newline the source value did not have; the digest proves which is meant
            scrubber.add(trimmed);
            return Optional.of(trimmed);
        }
        rejections.add(new Rejection(secret.key(), "the value supplied for key `" + key + "` does not match the "
                + "digest recorded at the source (" + digest.substring(0, Math.min(digest.length(), 19))
                + "…); supply the source's value (" + values.howToSupply(namespace, name, key) + ")"));
        return Optional.empty();
    }

    private static byte[] withoutTrailingNewline(byte[] bytes) {
        int end = bytes.length;
        if (end > 0 && bytes[end - 1] == '\n') {
            end--;
            if (end > 0 && bytes[end - 1] == '\r') {
                end--;
            }
            return Arrays.copyOf(bytes, end);
        }
        return null;
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getMimeDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return base64.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
