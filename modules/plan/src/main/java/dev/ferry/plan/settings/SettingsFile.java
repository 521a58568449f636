package dev.ferry.plan.settings;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.engine.Direction;
import dev.ferry.engine.settings.MigrationSettings;
import dev.ferry.engine.settings.SettingKey;
import dev.ferry.engine.settings.SettingsCatalog;
import dev.ferry.model.io.ReadLimits;
import dev.ferry.model.io.YamlTreeReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads {@code settings.yaml}. Malformed YAML or a wrong type is an error naming the file and line; an unknown key is
 * reported as a warning (a typo would otherwise silently fall back to a default).
 */
public final class SettingsFile {

    /** The settings, and warnings about keys Ferry does not know. */
    public record Loaded(MigrationSettings settings, List<String> warnings) {
    }

    public static Loaded read(Path file) throws SettingsException {
        if (!Files.isRegularFile(file)) {
            throw new SettingsException(file + " does not exist. Write a settings.yaml (see the README's settings "
                    + "reference) or leave --settings out to run with defaults.");
        }
        String text;
        try {
            if (Files.size(file) > 1024 * 1024) {
                throw new SettingsException(file + " is larger than 1 MB; a settings file is a few lines.");
            }
            text = Files.readString(file);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new SettingsException(file + " is not valid UTF-8 text (a binary file, or text saved in another "
                    + "encoding); save it as UTF-8.");
        } catch (IOException e) {
            throw new SettingsException(file + " cannot be read: " + e.getMessage());
        }
        return parse(file.toString(), text);
    }

    public static Loaded parse(String name, String text) throws SettingsException {
        JsonNode tree = readTree(name, text);
        if (tree == null) {
            return new Loaded(MigrationSettings.empty(Direction.AKS_TO_EKS), List.of());
        }
        if (!tree.isObject()) {
            throw new SettingsException(name + ": settings must be a mapping of keys (direction, aws, identity, ...).");
        }
        checkTypes(name, tree);
        MigrationSettings settings;
        try {
            settings = MigrationSettings.of(tree);
        } catch (IllegalArgumentException e) {
            throw new SettingsException(name + ": " + e.getMessage());
        }
        return new Loaded(settings, unknownKeys(name, tree, settings.direction()));
    }

    private static JsonNode readTree(String name, String text) throws SettingsException {
        try {
            JsonNode tree = new YamlTreeReader(ReadLimits.defaults()).read(text.replace("\r\n", "\n"));
            return tree == null || tree.isNull() ? null : tree;
        } catch (YamlTreeReader.YamlReadException e) {
            throw new SettingsException(name + (e.line() > 0 ? ":" + e.line() : "") + ": " + e.getMessage());
        }
    }

    /**
     * A known key with a value of the wrong shape would otherwise read as missing and fall back to a default: a
     * group ({@code aws}) must be a mapping, a map setting ({@code zones}) a mapping of values, any other setting a
     * single value.
     */
    private static void checkTypes(String name, JsonNode tree) throws SettingsException {
        for (Direction direction : Direction.values()) {
            for (SettingKey key : SettingsCatalog.keys(direction)) {
                String path = key.path();
                if (path.contains(".")) {
                    String group = path.substring(0, path.indexOf('.'));
                    JsonNode groupNode = tree.get(group);
                    if (groupNode != null && !groupNode.isNull() && !groupNode.isObject()) {
                        throw new SettingsException(name + ": `" + group + "` must be a mapping of settings ("
                                + group + ": {...}), not " + shape(groupNode) + ".");
                    }
                }
                JsonNode value = tree.at("/" + path.replace(".", "/"));
                if (value.isMissingNode() || value.isNull()) {
                    continue;
                }
                boolean isMap = key.example().startsWith("{") && key.example().contains(": ");
                if (isMap && (!value.isObject() || !allValues(value))) {
                    throw new SettingsException(name + ": `" + path + "` must be a mapping of names to values, for "
                            + "example " + key.example() + ", not " + shape(value) + ".");
                }
                if (!isMap && !value.isValueNode()) {
                    throw new SettingsException(name + ": `" + path + "` must be a single value, for example "
                            + key.example() + ", not " + shape(value) + ".");
                }
            }
        }
    }

    private static boolean allValues(JsonNode map) {
        for (JsonNode value : map) {
            if (!value.isValueNode()) {
                return false;
            }
        }
        return true;
    }

    private static String shape(JsonNode node) {
        return node.isArray() ? "a list" : node.isObject() ? "a mapping" : "`" + node.asText() + "`";
    }

    private static List<String> unknownKeys(String name, JsonNode tree, Direction direction) {
        Set<String> known = SettingsCatalog.keys(direction).stream().map(SettingKey::path)
                .map(p -> p.contains(".") ? p.substring(0, p.indexOf('.')) : p)
                .collect(Collectors.toSet());
        Set<String> knownLeaves = SettingsCatalog.keys(direction).stream().map(SettingKey::path)
                .collect(Collectors.toSet());
        List<String> warnings = new ArrayList<>();
        tree.fieldNames().forEachRemaining(key -> {
            if (!known.contains(key)) {
                warnings.add(name + ": unknown key `" + key + "` is ignored (known keys: "
                        + known.stream().sorted().collect(Collectors.joining(", ")) + ")");
            } else if (tree.get(key).isObject() && knownLeaves.stream().noneMatch(k -> k.equals(key))) {
                tree.get(key).fieldNames().forEachRemaining(child -> {
                    if (!knownLeaves.contains(key + "." + child)) {
                        warnings.add(name + ": unknown key `" + key + "." + child + "` is ignored");
                    }
                });
            }
        });
        return warnings;
    }
}
