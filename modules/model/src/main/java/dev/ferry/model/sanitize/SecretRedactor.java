package dev.ferry.model.sanitize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * Removes every value from a Secret and keeps, per key, the SHA-256 of the value, so a reviewer can see which keys
 * exist and whether two values are the same without ever seeing one. Secret values never leave the source.
 */
public final class SecretRedactor {

    /** Annotation that carries the key → digest map of a redacted Secret. */
    public static final String DIGESTS_ANNOTATION = "ferry.dev/value-digests";

    private SecretRedactor() {
    }

    /** Redacts {@code secret} in place. */
    static void redact(ObjectNode secret) {
        Map<String, String> digests = new TreeMap<>();
        JsonNode data = secret.remove("data");
        if (data != null) {
            data.fields().forEachRemaining(e -> digests.put(e.getKey(), digest(decodeBase64(e.getValue().asText()))));
        }
        JsonNode stringData = secret.remove("stringData");
        if (stringData != null) {
            stringData.fields().forEachRemaining(e ->
                    digests.put(e.getKey(), digest(e.getValue().asText().getBytes(StandardCharsets.UTF_8))));
        }
        if (digests.isEmpty()) {
            return;
        }
        ObjectNode metadata = secret.with("metadata");
        ObjectNode annotations = metadata.with("annotations");
        ObjectNode digestJson = annotations.objectNode();
        digests.forEach(digestJson::put);
        annotations.put(DIGESTS_ANNOTATION, digestJson.toString());
    }

    /**
     * The registry hosts a pull secret grants access to (not secret: the hosts only), so rules can tell an ACR pull
     * secret from another after the values are gone. Empty when the Secret is not a readable docker config.
     */
    static String registries(ObjectNode secret) {
        String type = secret.path("type").asText();
        String key = type.equals("kubernetes.io/dockerconfigjson") ? ".dockerconfigjson"
                : type.equals("kubernetes.io/dockercfg") ? ".dockercfg" : null;
        if (key == null) {
            return "";
        }
        String encoded = secret.path("data").path(key).asText("");
        String text = encoded.isEmpty()
                ? secret.path("stringData").path(key).asText("")
                : new String(decodeBase64(encoded), StandardCharsets.UTF_8);
        try {
            JsonNode config = new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
            JsonNode auths = config.has("auths") ? config.path("auths") : config;
            java.util.List<String> hosts = new java.util.ArrayList<>();
            auths.fieldNames().forEachRemaining(hosts::add);
            return String.join(",", hosts);
        } catch (java.io.IOException | RuntimeException unreadable) {
            return "";
        }
    }

    private static byte[] decodeBase64(String value) {
        try {
            return Base64.getMimeDecoder().decode(value);
        } catch (IllegalArgumentException notBase64) {
            // a malformed value is still a secret: digest its text rather than carrying it
            return value.getBytes(StandardCharsets.UTF_8);
        }
    }

    static String digest(byte[] value) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
