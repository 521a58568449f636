package dev.ferry.cluster.journal;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** SHA-256 digests: of an object (over canonical JSON, keys sorted, so field order does not matter) and of a value. */
public final class ObjectDigest {

    private ObjectDigest() {
    }

    public static String of(JsonNode node) {
        StringBuilder canonical = new StringBuilder();
        write(node, canonical);
        return sha256(canonical.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** {@code sha256:<hex>}, the form {@code ferry.dev/value-digests} uses. */
    public static String sha256(byte[] value) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** Key → digest of each value of a live Secret's {@code data} (base64) and {@code stringData}. */
    public static Map<String, String> secretDigests(JsonNode secret) {
        Map<String, String> digests = new TreeMap<>();
        secret.path("data").fields().forEachRemaining(e -> digests.put(e.getKey(), sha256(decode(e.getValue().asText()))));
        secret.path("stringData").fields().forEachRemaining(e ->
                digests.put(e.getKey(), sha256(e.getValue().asText().getBytes(StandardCharsets.UTF_8))));
        return digests;
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getMimeDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return base64.getBytes(StandardCharsets.UTF_8);
        }
    }

    private static void write(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            out.append('{');
            for (int i = 0; i < names.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(quote(names.get(i))).append(':');
                write(node.get(names.get(i)), out);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(node.get(i), out);
            }
            out.append(']');
        } else {
            out.append(node.toString());
        }
    }

    private static String quote(String text) {
        return com.fasterxml.jackson.databind.node.TextNode.valueOf(text).toString();
    }
}
