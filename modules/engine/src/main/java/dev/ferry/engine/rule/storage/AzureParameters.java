package dev.ferry.engine.rule.storage;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The parameters of an Azure StorageClass, read case-insensitively as the Azure drivers do (EDGES.md §4.3), with a
 * record of which keys the translation used, so the rest can be reported as dropped.
 */
final class AzureParameters {

    private final Map<String, String> byLowerKey = new LinkedHashMap<>();
    private final Map<String, String> originalKey = new LinkedHashMap<>();
    private final Set<String> used = new TreeSet<>();

    AzureParameters(JsonNode parameters) {
        parameters.fields().forEachRemaining(e -> {
            String lower = e.getKey().toLowerCase(Locale.ROOT);
            byLowerKey.put(lower, e.getValue().asText());
            originalKey.put(lower, e.getKey());
        });
    }

    /** The value of the first of the given keys that is set (non-blank), marking every given key as used. */
    String get(String... keys) {
        String value = null;
        for (String key : keys) {
            String lower = key.toLowerCase(Locale.ROOT);
            used.add(lower);
            String candidate = byLowerKey.get(lower);
            if (value == null && candidate != null && !candidate.isBlank()) {
                value = candidate.strip();
            }
        }
        return value;
    }

    boolean isTrue(String key) {
        return "true".equalsIgnoreCase(get(key));
    }

    /** The keys, as the source spelled them, that no {@link #get} asked for. */
    Set<String> unused() {
        Set<String> unused = new TreeSet<>();
        byLowerKey.keySet().stream().filter(k -> !used.contains(k)).forEach(k -> unused.add(originalKey.get(k)));
        return unused;
    }

    /** Marks keys as deliberately dropped and returns those the source set, as spelled there. */
    Set<String> drop(Set<String> keys) {
        Set<String> present = new TreeSet<>();
        for (String key : keys) {
            String lower = key.toLowerCase(Locale.ROOT);
            used.add(lower);
            if (byLowerKey.containsKey(lower)) {
                present.add(originalKey.get(lower));
            }
        }
        return present;
    }

    /** Keys by prefix (for the {@code csi.storage.k8s.io/*-secret-*} family), marked used. */
    Set<String> dropPrefixed(String prefix, String contains) {
        Set<String> present = new TreeSet<>();
        for (String lower : byLowerKey.keySet()) {
            if (lower.startsWith(prefix) && lower.contains(contains)) {
                used.add(lower);
                present.add(originalKey.get(lower));
            }
        }
        return present;
    }
}
