package dev.ferry.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Field ownership as {@code metadata.managedFields} records it: which manager set which fields, by apply or by update.
 *
 * <p>A field is a path of map keys down to a leaf: a scalar, a list (lists are atomic here, a simplification of the
 * real server's list-map merge keys) or an empty map. Identity and server-set metadata are not owned by anyone.
 */
final class ManagedFields {

    static final String APPLY = "Apply";
    static final String UPDATE = "Update";

    private static final Set<String> UNTRACKED_METADATA = Set.of("name", "namespace", "uid", "resourceVersion",
            "generation", "creationTimestamp", "managedFields", "selfLink", "deletionTimestamp",
            "deletionGracePeriodSeconds");

    private ManagedFields() {
    }

    /** One manager's record: who, how, at which version and when, and the fields it owns. */
    record Entry(String manager, String operation, String apiVersion, String time, Set<List<String>> fields) {

        Entry {
            fields = Set.copyOf(fields);
        }

        boolean is(String otherManager, String otherOperation) {
            return manager.equals(otherManager) && operation.equals(otherOperation);
        }
    }

    /** The leaves of an object with their values, leaving out what nobody owns (and status if it is a subresource). */
    static Map<List<String>, JsonNode> leaves(ObjectNode object, boolean statusIsSubresource) {
        Map<List<String>, JsonNode> leaves = new LinkedHashMap<>();
        object.properties().forEach(field -> {
            String key = field.getKey();
            if (key.equals("apiVersion") || key.equals("kind") || (statusIsSubresource && key.equals("status"))) {
                return;
            }
            if (key.equals("metadata") && field.getValue().isObject()) {
                field.getValue().properties().forEach(meta -> {
                    if (!UNTRACKED_METADATA.contains(meta.getKey())) {
                        collect(List.of("metadata", meta.getKey()), meta.getValue(), leaves);
                    }
                });
                return;
            }
            collect(List.of(key), field.getValue(), leaves);
        });
        return leaves;
    }

    private static void collect(List<String> path, JsonNode value, Map<List<String>, JsonNode> leaves) {
        if (value.isObject() && !value.isEmpty()) {
            value.properties().forEach(child -> {
                List<String> childPath = new ArrayList<>(path);
                childPath.add(child.getKey());
                collect(List.copyOf(childPath), child.getValue(), leaves);
            });
        } else {
            leaves.put(path, value);
        }
    }

    static List<Entry> read(JsonNode object) {
        List<Entry> entries = new ArrayList<>();
        for (JsonNode entry : object.path("metadata").path("managedFields")) {
            Set<List<String>> fields = new LinkedHashSet<>();
            decode(List.of(), entry.path("fieldsV1"), fields);
            entries.add(new Entry(entry.path("manager").asText(), entry.path("operation").asText(UPDATE),
                    entry.path("apiVersion").asText(), entry.path("time").asText(), fields));
        }
        return entries;
    }

    /** Writes the entries into {@code metadata.managedFields}, dropping those that own nothing. */
    static void write(ObjectNode object, List<Entry> entries) {
        ObjectNode metadata = child(object, "metadata");
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (Entry entry : entries) {
            if (entry.fields().isEmpty()) {
                continue;
            }
            ObjectNode node = array.addObject();
            node.put("manager", entry.manager()).put("operation", entry.operation())
                    .put("apiVersion", entry.apiVersion()).put("time", entry.time()).put("fieldsType", "FieldsV1");
            node.set("fieldsV1", encode(entry.fields()));
        }
        if (array.isEmpty()) {
            metadata.remove("managedFields");
        } else {
            metadata.set("managedFields", array);
        }
    }

    static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /**
     * Records a create or update by {@code manager}: it takes the fields it added or changed from everyone else; fields
     * it removed are owned by nobody any more.
     */
    static void recordUpdate(ResourceType type, JsonNode before, ObjectNode after, String manager) {
        Map<List<String>, JsonNode> oldLeaves = before == null ? Map.of()
                : leaves((ObjectNode) before, type.hasStatus());
        Map<List<String>, JsonNode> newLeaves = leaves(after, type.hasStatus());
        Set<List<String>> changed = new LinkedHashSet<>();
        newLeaves.forEach((path, value) -> {
            if (!value.equals(oldLeaves.get(path))) {
                changed.add(path);
            }
        });
        List<Entry> entries = before == null ? List.of() : read(before);
        List<Entry> result = new ArrayList<>();
        Set<List<String>> mine = new LinkedHashSet<>(changed);
        for (Entry entry : entries) {
            Set<List<String>> kept = new LinkedHashSet<>();
            for (List<String> field : entry.fields()) {
                if (newLeaves.containsKey(field) && !changed.contains(field)) {
                    kept.add(field);
                }
            }
            if (entry.is(manager, UPDATE)) {
                mine.addAll(kept);
            } else {
                result.add(new Entry(entry.manager(), entry.operation(), entry.apiVersion(), entry.time(), kept));
            }
        }
        if (!mine.isEmpty()) {
            result.add(new Entry(manager, UPDATE, type.apiVersion(), now(), mine));
        }
        write(after, result);
    }

    /** The map under a key, created (or replacing a non-map) when needed. */
    static ObjectNode child(ObjectNode node, String key) {
        JsonNode child = node.get(key);
        return child != null && child.isObject() ? (ObjectNode) child : node.putObject(key);
    }

    static String describe(List<String> path) {
        return "." + String.join(".", path);
    }

    /** The node at a path, or a missing node. */
    static JsonNode at(JsonNode root, List<String> path) {
        JsonNode node = root;
        for (String key : path) {
            node = node.path(key);
        }
        return node;
    }

    static void set(ObjectNode root, List<String> path, JsonNode value) {
        ObjectNode node = root;
        for (int i = 0; i < path.size() - 1; i++) {
            node = child(node, path.get(i));
        }
        node.set(path.get(path.size() - 1), value.deepCopy());
    }

    /** Removes a leaf and the maps it leaves empty below the top level. */
    static void remove(ObjectNode root, List<String> path) {
        List<ObjectNode> parents = new ArrayList<>();
        JsonNode node = root;
        for (int i = 0; i < path.size() - 1; i++) {
            parents.add((ObjectNode) node);
            node = node.path(path.get(i));
            if (!node.isObject()) {
                return;
            }
        }
        ((ObjectNode) node).remove(path.get(path.size() - 1));
        for (int i = path.size() - 2; i >= 1 && node.isEmpty(); i--) {
            parents.get(i).remove(path.get(i));
            node = parents.get(i);
        }
    }

    private static ObjectNode encode(Set<List<String>> fields) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        for (List<String> field : fields) {
            ObjectNode node = root;
            for (String key : field) {
                node = child(node, "f:" + key);
            }
        }
        return root;
    }

    private static void decode(List<String> path, JsonNode node, Set<List<String>> into) {
        boolean leaf = true;
        for (Map.Entry<String, JsonNode> child : node.properties()) {
            String key = child.getKey();
            if (key.startsWith("f:")) {
                leaf = false;
                List<String> childPath = new ArrayList<>(path);
                childPath.add(key.substring(2));
                decode(List.copyOf(childPath), child.getValue(), into);
            }
        }
        if (leaf && !path.isEmpty() && !(node instanceof MissingNode)) {
            into.add(path);
        }
    }
}
