package dev.ferry.engine.rule.networking;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ferry.engine.k8s.PodTemplates;
import dev.ferry.engine.patch.Pointer;
import dev.ferry.engine.rule.RuleOutput;
import dev.ferry.model.KubeObject;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The zone rewrite of one object, shared by both directions: walks every place a manifest pins a zone (pod node
 * affinity, required and preferred; PersistentVolume node affinity; StorageClass {@code allowedTopologies}; a pod's
 * zone {@code nodeSelector}) and replaces each value that looks like a source-cloud zone by its mapping. Each
 * {@code values} array is replaced whole. Remembers source zones that had no mapping, for the rule's finding.
 */
final class ZoneRewrite {

    private final KubeObject object;
    private final Set<String> zoneKeys;
    private final Pattern sourceZone;
    private final Map<String, String> zones;
    private final RuleOutput.ChangeBuilder change;
    private final Consumer<JsonNode> expressionSeen;
    private final Set<String> unmapped = new TreeSet<>();
    private int rewritten;

    /**
     * @param zoneKeys the topology keys whose values are zones
     * @param sourceZone what a source-cloud zone value looks like; other values are left alone silently
     * @param zones the {@code zones} setting
     * @param expressionSeen sees every node selector expression walked, whatever its key (for keys the rule reports)
     */
    ZoneRewrite(KubeObject object, Set<String> zoneKeys, Pattern sourceZone, Map<String, String> zones,
            RuleOutput.ChangeBuilder change, Consumer<JsonNode> expressionSeen) {
        this.object = object;
        this.zoneKeys = zoneKeys;
        this.sourceZone = sourceZone;
        this.zones = zones;
        this.change = change;
        this.expressionSeen = expressionSeen;
    }

    /** Rewrites every zone placement of the object; {@code selectorKeys} are the nodeSelector keys holding a zone. */
    void rewrite(Iterable<String> selectorKeys) {
        if (object.isKind("storage.k8s.io", "StorageClass")) {
            terms("/allowedTopologies", "matchLabelExpressions");
        } else if (object.isKind("", "PersistentVolume")) {
            terms("/spec/nodeAffinity/required/nodeSelectorTerms", "matchExpressions");
        } else if (PodTemplates.hasPodSpec(object)) {
            String spec = PodTemplates.specPointer(object).orElseThrow();
            String nodeAffinity = spec + "/affinity/nodeAffinity";
            terms(nodeAffinity + "/requiredDuringSchedulingIgnoredDuringExecution/nodeSelectorTerms",
                    "matchExpressions");
            JsonNode preferred = object.at(nodeAffinity + "/preferredDuringSchedulingIgnoredDuringExecution");
            for (int i = 0; i < preferred.size(); i++) {
                expressions(nodeAffinity + "/preferredDuringSchedulingIgnoredDuringExecution/" + i
                        + "/preference/matchExpressions");
            }
            for (String key : selectorKeys) {
                selector(Pointer.child(spec, "nodeSelector", key));
            }
        }
    }

    /** Source zones that looked like zones but had no mapping, sorted. */
    Set<String> unmapped() {
        return unmapped;
    }

    /** Whether any value was rewritten or any zone went unmapped: whether the change needs a summary. */
    boolean touched() {
        return rewritten > 0 || !unmapped.isEmpty();
    }

    /** Walks {@code terms[i].<list>}. */
    private void terms(String termsPointer, String list) {
        JsonNode terms = object.at(termsPointer);
        for (int i = 0; i < terms.size(); i++) {
            expressions(termsPointer + "/" + i + "/" + list);
        }
    }

    /** Replaces the whole {@code values} array of every zone expression that holds a mapped zone. */
    private void expressions(String expressionsPointer) {
        JsonNode expressions = object.at(expressionsPointer);
        for (int j = 0; j < expressions.size(); j++) {
            JsonNode expression = expressions.get(j);
            expressionSeen.accept(expression);
            if (!zoneKeys.contains(expression.path("key").asText()) || !expression.path("values").isArray()) {
                continue;
            }
            ArrayNode values = JsonNodeFactory.instance.arrayNode();
            boolean changed = false;
            for (JsonNode value : expression.path("values")) {
                String mapped = map(value.asText());
                changed |= mapped != null;
                values.add(mapped != null ? JsonNodeFactory.instance.textNode(mapped) : value);
            }
            if (changed) {
                change.replace(expressionsPointer + "/" + j + "/values", values);
                rewritten++;
            }
        }
    }

    private void selector(String pointer) {
        String mapped = map(object.at(pointer).asText(""));
        if (mapped != null) {
            change.replace(pointer, mapped);
            rewritten++;
        }
    }

    /** The target zone for a source zone, or null (remembering source zones without a mapping). */
    private String map(String value) {
        if (!sourceZone.matcher(value).matches()) {
            return null;
        }
        String mapped = zones.get(value);
        if (mapped == null || mapped.isBlank()) {
            unmapped.add(value);
            return null;
        }
        return mapped;
    }
}
