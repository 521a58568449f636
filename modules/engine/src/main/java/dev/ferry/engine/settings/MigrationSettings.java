package dev.ferry.engine.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.engine.Direction;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What only the user knows about the migration (see {@link SettingsCatalog} for every key). Immutable: the tree is
 * copied in. Rules read it through dotted paths; a missing value is empty, and the rule decides whether that means
 * a default or an {@code action-required} finding naming the key.
 */
public final class MigrationSettings {

    private final ObjectNode tree;
    private final Direction direction;

    private MigrationSettings(ObjectNode tree) {
        this.tree = tree;
        this.direction = Direction.fromId(tree.path("direction").asText(Direction.AKS_TO_EKS.id()));
    }

    /** @throws IllegalArgumentException when {@code direction} names no direction */
    public static MigrationSettings of(JsonNode tree) {
        ObjectNode copy = tree instanceof ObjectNode object ? object.deepCopy() : JsonNodeFactory.instance.objectNode();
        return new MigrationSettings(copy);
    }

    public static MigrationSettings empty(Direction direction) {
        ObjectNode tree = JsonNodeFactory.instance.objectNode();
        tree.put("direction", direction.id());
        return new MigrationSettings(tree);
    }

    public Direction direction() {
        return direction;
    }

    /** The same settings for another direction (the CLI's {@code --direction}, the app's direction switch). */
    public MigrationSettings withDirection(Direction newDirection) {
        ObjectNode copy = tree.deepCopy();
        copy.put("direction", newDirection.id());
        return new MigrationSettings(copy);
    }

    /** A copy of the whole tree, for writing {@code settings.yaml}. */
    public ObjectNode tree() {
        return tree.deepCopy();
    }

    /** The text at a dotted path ({@code aws.accountId}), empty when missing or blank. */
    public Optional<String> text(String dottedPath) {
        JsonNode node = node(dottedPath);
        if (node.isValueNode() && !node.isNull() && !node.asText().isBlank()) {
            return Optional.of(node.asText().strip());
        }
        return Optional.empty();
    }

    public String text(String dottedPath, String fallback) {
        return text(dottedPath).orElse(fallback);
    }

    /** The string map at a dotted path ({@code zones}), empty when missing. */
    public Map<String, String> map(String dottedPath) {
        JsonNode node = node(dottedPath);
        if (!node.isObject()) {
            return Map.of();
        }
        Map<String, String> map = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> {
            if (e.getValue().isValueNode() && !e.getValue().isNull()) {
                map.put(e.getKey(), e.getValue().asText());
            }
        });
        return Collections.unmodifiableMap(map);
    }

    /**
     * The list of texts at a dotted path ({@code crds.carry}): a YAML sequence of scalars, or one scalar as a list of
     * one; empty when missing.
     */
    public List<String> list(String dottedPath) {
        JsonNode node = node(dottedPath);
        if (node.isArray()) {
            List<String> values = new ArrayList<>();
            node.forEach(item -> {
                if (item.isValueNode() && !item.isNull() && !item.asText().isBlank()) {
                    values.add(item.asText().strip());
                }
            });
            return List.copyOf(values);
        }
        return text(dottedPath).map(List::of).orElse(List.of());
    }

    private JsonNode node(String dottedPath) {
        JsonNode node = tree;
        for (String part : dottedPath.split("\\.")) {
            node = node.path(part);
        }
        return node;
    }
}
