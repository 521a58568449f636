package dev.ferry.engine.rule.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The body of a StorageClass generated from a translated source class, in either direction: name, labels and
 * annotations, the translation's provisioner, parameters and mount options, the source's reclaim, expansion and
 * binding settings, and its allowed topologies with zone values mapped. A generated class is out of the networking
 * edge's reach, which is why its zone values are mapped here.
 */
final class GeneratedStorageClass {

    private GeneratedStorageClass() {
    }

    /**
     * @param sourceZoneKey the source CSI driver's zone key, renamed to the translation's topology key
     * @param zoneKeys every key whose values are zones
     * @param unmapped receives the zone values {@code zones} has no mapping for
     */
    static ObjectNode of(ObjectNode source, String target, ClassTranslation translation, Map<String, String> zones,
                         String sourceZoneKey, Set<String> zoneKeys, List<String> unmapped) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("apiVersion", "storage.k8s.io/v1");
        body.put("kind", "StorageClass");
        ObjectNode metadata = body.putObject("metadata");
        metadata.put("name", target);
        for (String field : List.of("labels", "annotations")) {
            if (source.path("metadata").path(field).isObject() && !source.path("metadata").path(field).isEmpty()) {
                metadata.set(field, source.path("metadata").path(field).deepCopy());
            }
        }
        body.put("provisioner", translation.provisioner());
        body.set("parameters", parameters(translation.parameters()));
        for (String field : List.of("reclaimPolicy", "allowVolumeExpansion", "volumeBindingMode")) {
            if (source.has(field)) {
                body.set(field, source.get(field).deepCopy());
            }
        }
        if (translation.mountOptions() != null) {
            if (!translation.mountOptions().isEmpty()) {
                body.set("mountOptions", array(translation.mountOptions()));
            }
        } else if (source.path("mountOptions").isArray()) {
            body.set("mountOptions", source.get("mountOptions").deepCopy());
        }
        if (source.path("allowedTopologies").isArray()) {
            body.set("allowedTopologies", topologies(source.path("allowedTopologies"), translation, zones,
                    sourceZoneKey, zoneKeys, unmapped));
        }
        return body;
    }

    private static ArrayNode topologies(JsonNode terms, ClassTranslation translation, Map<String, String> zones,
                                        String sourceZoneKey, Set<String> zoneKeys, List<String> unmapped) {
        ArrayNode copy = (ArrayNode) terms.deepCopy();
        for (JsonNode term : copy) {
            for (JsonNode expression : term.path("matchLabelExpressions")) {
                ObjectNode expr = (ObjectNode) expression;
                String key = expr.path("key").asText();
                if (!zoneKeys.contains(key)) {
                    continue;
                }
                if (key.equals(sourceZoneKey) && translation.topologyKey() != null) {
                    expr.put("key", translation.topologyKey());
                }
                ArrayNode values = JsonNodeFactory.instance.arrayNode();
                for (JsonNode value : expr.path("values")) {
                    String zone = zones.get(value.asText());
                    if (zone == null) {
                        unmapped.add(value.asText());
                    }
                    values.add(zone == null ? value.asText() : zone);
                }
                expr.set("values", values);
            }
        }
        return copy;
    }

    static ObjectNode parameters(Map<String, String> parameters) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        parameters.forEach(node::put);
        return node;
    }

    static ArrayNode array(List<String> values) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        values.forEach(array::add);
        return array;
    }
}
