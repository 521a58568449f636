package dev.ferry.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.zjsonpatch.JsonPatch;
import io.fabric8.zjsonpatch.JsonPatchException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The non-apply PATCH flavours: JSON Patch (RFC 6902), JSON merge patch (RFC 7386), strategic merge patch. */
final class Patches {

    private Patches() {
    }

    static ObjectNode jsonPatch(ObjectNode target, JsonNode patch, ResourceType type, String name) {
        try {
            JsonNode result = JsonPatch.apply(patch, target);
            if (!result.isObject()) {
                throw ApiException.badRequest("the JSON patch did not produce an object");
            }
            return (ObjectNode) result;
        } catch (JsonPatchException | IllegalArgumentException e) {
            throw new ApiException(422, "Invalid", type.qualifiedKind() + " \"" + name
                    + "\" is invalid: the JSON patch could not be applied: " + e.getMessage(), null);
        }
    }

    /** RFC 7386: maps merge, null deletes, anything else replaces. */
    static JsonNode mergePatch(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch.deepCopy();
        }
        ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy()
                : JsonNodeFactory.instance.objectNode();
        patch.properties().forEach(field -> {
            if (field.getValue().isNull()) {
                result.remove(field.getKey());
            } else {
                result.set(field.getKey(), mergePatch(result.get(field.getKey()), field.getValue()));
            }
        });
        return result;
    }

    /**
     * Strategic merge patch, approximated: like a merge patch, except that lists of objects that all carry a
     * {@code name} (containers, env, volumes, ports) merge element by element on that name, {@code $patch: delete}
     * removes an element or map, {@code $patch: replace} replaces, and other {@code $} directives are dropped.
     */
    static JsonNode strategicMerge(JsonNode target, JsonNode patch) {
        if (patch.isObject()) {
            String directive = patch.path("$patch").asText("");
            if (directive.equals("replace")) {
                ObjectNode replaced = ((ObjectNode) patch).deepCopy();
                replaced.remove("$patch");
                return replaced;
            }
            ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy()
                    : JsonNodeFactory.instance.objectNode();
            patch.properties().forEach(field -> {
                String key = field.getKey();
                JsonNode value = field.getValue();
                if (key.startsWith("$")) {
                    return;
                }
                if (value.isNull() || value.path("$patch").asText("").equals("delete")) {
                    result.remove(key);
                } else {
                    result.set(key, strategicMerge(result.get(key), value));
                }
            });
            return result;
        }
        if (patch.isArray() && target != null && target.isArray() && allNamed(patch) && allNamed(target)) {
            Map<String, JsonNode> merged = new LinkedHashMap<>();
            target.forEach(element -> merged.put(element.path("name").asText(), element));
            patch.forEach(element -> {
                String name = element.path("name").asText();
                if (element.path("$patch").asText("").equals("delete")) {
                    merged.remove(name);
                } else {
                    merged.put(name, strategicMerge(merged.get(name), element));
                }
            });
            ArrayNode result = JsonNodeFactory.instance.arrayNode();
            merged.values().forEach(result::add);
            return result;
        }
        return patch.deepCopy();
    }

    private static boolean allNamed(JsonNode array) {
        if (array.isEmpty()) {
            return true;
        }
        for (JsonNode element : array) {
            if (!element.isObject() || !element.path("name").isTextual()) {
                return false;
            }
        }
        return true;
    }
}
