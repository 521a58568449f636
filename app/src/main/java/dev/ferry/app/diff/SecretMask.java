package dev.ferry.app.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.model.io.ReadLimits;
import dev.ferry.model.io.Yaml;
import dev.ferry.model.io.YamlTreeReader;
import dev.ferry.model.sanitize.SecretRedactor;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Keeps Secret values off the screen. Ferry's bundle holds Secrets without values (keys and SHA-256 digests in the
 * {@value SecretRedactor#DIGESTS_ANNOTATION} annotation); should a Secret with values reach the diff view anyway, it
 * is redacted the same way before it is shown. Pure and thread-safe.
 */
public final class SecretMask {

    private static final java.util.regex.Pattern SECRET_KIND =
            java.util.regex.Pattern.compile("^kind:\\s*[\"']?Secret\\b", java.util.regex.Pattern.MULTILINE);
    private static final YamlTreeReader READER = new YamlTreeReader(ReadLimits.defaults());

    private SecretMask() {
    }

    /** True when {@code yaml} is a Secret. Parses only texts that can be one, so big documents cost a scan. */
    public static boolean isSecret(String yaml) {
        return SECRET_KIND.matcher(yaml).find()
                && tree(yaml) instanceof ObjectNode object && object.path("kind").asText().equals("Secret");
    }

    /** {@code yaml} unchanged unless it is a Secret with values; then the Secret without them, with digests. */
    public static String redact(String yaml) {
        if (!SECRET_KIND.matcher(yaml).find() || !(tree(yaml) instanceof ObjectNode secret) || !secret.path("kind").asText().equals("Secret")
                || !secret.has("data") && !secret.has("stringData")) {
            return yaml;
        }
        Map<String, String> digests = new TreeMap<>(digests(secret));
        JsonNode data = secret.remove("data");
        if (data != null) {
            data.fields().forEachRemaining(e -> digests.put(e.getKey(), digest(decode(e.getValue().asText()))));
        }
        JsonNode stringData = secret.remove("stringData");
        if (stringData != null) {
            stringData.fields().forEachRemaining(e ->
                    digests.put(e.getKey(), digest(e.getValue().asText().getBytes(StandardCharsets.UTF_8))));
        }
        if (!digests.isEmpty()) {
            ObjectNode annotations = secret.with("metadata").with("annotations");
            ObjectNode json = annotations.objectNode();
            digests.forEach(json::put);
            annotations.put(SecretRedactor.DIGESTS_ANNOTATION, json.toString());
        }
        return Yaml.write(secret);
    }

    /** The keys of a (redacted) Secret and their value digests, in key order; empty when there are none. */
    public static Map<String, String> digests(String yaml) {
        return tree(yaml) instanceof ObjectNode object ? digests(object) : Map.of();
    }

    /** The read-only note shown with a Secret: what it holds, without a value. */
    public static String note(String yaml) {
        Map<String, String> digests = digests(redact(yaml));
        StringBuilder note = new StringBuilder("Secret values are never shown or stored by Ferry. ");
        if (digests.isEmpty()) {
            note.append("This Secret has no keys.");
        } else {
            note.append(digests.size() == 1 ? "1 key" : digests.size() + " keys")
                    .append(" (SHA-256 of each value, to compare without seeing it):");
            digests.forEach((key, digest) -> note.append("\n  ").append(key).append("  ").append(shortDigest(digest)));
        }
        return note.toString();
    }

    private static String shortDigest(String digest) {
        return digest.length() > 19 ? digest.substring(0, 19) + "…" : digest;
    }

    private static Map<String, String> digests(ObjectNode secret) {
        String annotation = secret.path("metadata").path("annotations").path(SecretRedactor.DIGESTS_ANNOTATION)
                .asText("");
        Map<String, String> digests = new LinkedHashMap<>();
        if (annotation.isEmpty()) {
            return digests;
        }
        try {
            new ObjectMapper().readTree(annotation).fields()
                    .forEachRemaining(e -> digests.put(e.getKey(), e.getValue().asText()));
        } catch (java.io.IOException unreadable) {
            // an annotation edited by hand: show no digests rather than fail the view
        }
        return digests;
    }

    private static JsonNode tree(String yaml) {
        try {
            return READER.read(yaml);
        } catch (YamlTreeReader.YamlReadException unreadable) {
            return null;
        }
    }

    private static byte[] decode(String value) {
        try {
            return Base64.getMimeDecoder().decode(value);
        } catch (IllegalArgumentException notBase64) {
            return value.getBytes(StandardCharsets.UTF_8);
        }
    }

    private static String digest(byte[] value) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
