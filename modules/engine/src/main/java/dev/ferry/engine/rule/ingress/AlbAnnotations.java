package dev.ferry.engine.rule.ingress;

import dev.ferry.engine.Finding;
import dev.ferry.engine.rule.RuleOutput.ChangeBuilder;
import dev.ferry.model.KubeObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Writes {@code alb.ingress.kubernetes.io/*} annotations without overriding values the source already sets. */
final class AlbAnnotations {

    static final String PREFIX = "alb.ingress.kubernetes.io/";

    private AlbAnnotations() {
    }

    static String key(String name) {
        return PREFIX + name;
    }

    /**
     * Adds {@code alb.ingress.kubernetes.io/<name>: value} unless the source already has that annotation. A different
     * value already present is kept (someone wrote it for the target on purpose) and reported.
     */
    static void put(ChangeBuilder change, KubeObject source, String name, String value) {
        String key = key(name);
        String existing = source.annotations().get(key);
        if (existing == null) {
            change.add(AgicAnnotations.pointer(key), value);
        } else if (!existing.strip().equals(value)) {
            change.finding(Finding.info("Kept the existing `" + key + ": " + existing + "`; the AGIC settings would "
                    + "have given `" + value + "`."));
        }
    }

    /** Parses an ALB attribute list ({@code a=1,b=2}) into an ordered map. */
    static Map<String, String> attributes(String text) {
        Map<String, String> attributes = new LinkedHashMap<>();
        if (text == null) {
            return attributes;
        }
        for (String pair : text.split(",")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                attributes.put(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
            }
        }
        return attributes;
    }

    static String format(Map<String, String> attributes) {
        return attributes.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
    }

    /**
     * Merges translated attributes into the annotation the source may already carry (source entries win) and writes
     * the result once, when it adds anything.
     */
    static void mergeAttributes(ChangeBuilder change, KubeObject source, String name, Map<String, String> translated) {
        String key = key(name);
        Map<String, String> existing = attributes(source.annotations().get(key));
        Map<String, String> merged = new LinkedHashMap<>(existing);
        translated.forEach((k, v) -> {
            String kept = merged.putIfAbsent(k, v);
            if (kept != null && !kept.equals(v)) {
                change.finding(Finding.info("Kept `" + k + "=" + kept + "` from the existing `" + key
                        + "`; the AGIC settings would have given `" + v + "`."));
            }
        });
        if (!merged.equals(existing)) {
            change.add(AgicAnnotations.pointer(key), format(merged));
        }
    }
}
