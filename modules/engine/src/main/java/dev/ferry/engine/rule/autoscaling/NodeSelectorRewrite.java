package dev.ferry.engine.rule.autoscaling;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.engine.Finding;
import dev.ferry.engine.k8s.PodTemplates;
import dev.ferry.engine.patch.Pointer;
import dev.ferry.engine.rule.RuleOutput;
import dev.ferry.model.KubeObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Rewrites a pod template's {@code nodeSelector} entry by entry through a direction's node label translation, in
 * either direction: an entry is kept, renamed, given a new value or removed; two entries that would set one key to
 * different values are left for a human with an action-required finding.
 */
final class NodeSelectorRewrite {

    /** What one selector entry becomes: a key and value, or nothing ({@code value == null}), with findings. */
    record Translated(String key, String value, List<Finding> findings) {
        boolean dropped() {
            return value == null;
        }
    }

    private NodeSelectorRewrite() {
    }

    /**
     * @param translate maps a selector entry (key, value) to what it becomes; empty when the key is not the
     *        translation's concern
     */
    static void rewrite(KubeObject object, RuleOutput output, String rationale,
                        BiFunction<String, String, Optional<Translated>> translate) {
        Optional<String> spec = PodTemplates.specPointer(object);
        if (spec.isEmpty() || !object.at(spec.get() + "/nodeSelector").isObject()) {
            return;
        }
        String base = spec.get() + "/nodeSelector";
        JsonNode selector = object.at(base);
        Map<String, String> result = new LinkedHashMap<>();
        selector.fields().forEachRemaining(e -> result.put(e.getKey(), e.getValue().asText()));
        List<String> removed = new ArrayList<>();
        Map<String, String> added = new LinkedHashMap<>();
        List<Finding> findings = new ArrayList<>();
        selector.fields().forEachRemaining(entry -> {
            String key = entry.getKey();
            String value = entry.getValue().asText();
            Optional<Translated> translated = translate.apply(key, value);
            if (translated.isEmpty()) {
                return;
            }
            Translated t = translated.get();
            findings.addAll(t.findings());
            if (t.dropped()) {
                removed.add(key);
                result.remove(key);
                return;
            }
            if (t.key().equals(key) && t.value().equals(value)) {
                return;
            }
            String existing = result.get(t.key());
            if (existing != null && !existing.equals(t.value()) && !t.key().equals(key)) {
                findings.add(Finding.actionRequired("nodeSelector `" + key + ": " + value + "` maps to `" + t.key()
                        + ": " + t.value() + "`, but the selector already sets `" + t.key() + ": " + existing
                        + "`; reconcile them by hand."));
                return;
            }
            if (!t.key().equals(key)) {
                removed.add(key);
                result.remove(key);
            }
            result.put(t.key(), t.value());
            added.put(t.key(), t.value());
        });
        if (removed.isEmpty() && added.isEmpty() && findings.isEmpty()) {
            return;
        }
        RuleOutput.ChangeBuilder change = output.change(object).rationale(rationale);
        if (result.isEmpty()) {
            change.remove(base);
        } else {
            removed.forEach(k -> change.remove(Pointer.child(base, k)));
            added.forEach((k, v) -> change.add(Pointer.child(base, k), v));
        }
        if (!removed.isEmpty() || !added.isEmpty()) {
            change.summary("nodeSelector " + String.join(", ", removed.isEmpty() ? added.keySet() : removed)
                    + " → " + (added.isEmpty() ? "removed" : String.join(", ", added.keySet())));
        }
        findings.forEach(change::finding);
    }
}
