package dev.ferry.app.settings;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.engine.Direction;
import dev.ferry.engine.settings.SettingKey;
import dev.ferry.model.io.ReadLimits;
import dev.ferry.model.io.YamlTreeReader;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How a value typed for a settings key is read and checked. The keys themselves come from the engine's
 * {@code SettingsCatalog}; a key whose example is a mapping ({@code {a: b}}) takes a YAML flow mapping, every other
 * key a single value. The few keys with a fixed format or a fixed set of values are checked here as the user types.
 */
final class SettingRules {

    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern GUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");
    private static final Map<String, Pattern> FORMATS = Map.of(
            "aws.accountId", ACCOUNT,
            "aws.region", REGION,
            "azure.subscriptionId", GUID,
            "azure.tenantId", GUID);
    private static final Map<String, String> FORMAT_HINTS = Map.of(
            "aws.accountId", "12 digits, for example 111122223333",
            "aws.region", "an AWS region such as eu-west-1",
            "azure.subscriptionId", "a GUID such as 00000000-0000-0000-0000-000000000000",
            "azure.tenantId", "a GUID such as 00000000-0000-0000-0000-000000000000");

    private SettingRules() {
    }

    /** True when the key takes a mapping rather than one value. */
    static boolean isMapping(SettingKey key) {
        return key.example().strip().startsWith("{");
    }

    /** The values a key accepts, when it has a fixed set (empty when any value goes). */
    static List<String> choices(SettingKey key, Direction direction) {
        return switch (key.path()) {
            case "identity.mode" -> direction == Direction.AKS_TO_EKS ? List.of("irsa", "pod-identity") : List.of();
            case "ingress.controller" -> direction == Direction.AKS_TO_EKS ? List.of("alb", "keep-nginx")
                    : List.of("agic", "agc", "keep-nginx");
            case "autoscaling.mode" -> List.of("node-pools", "nap");
            case "storage.premiumV2" -> List.of("true", "false");
            default -> List.of();
        };
    }

    /** Why {@code text} is not a valid value for {@code key}; empty when it is (a blank value is valid: unset). */
    static Optional<String> problem(SettingKey key, Direction direction, String text) {
        String value = text.strip();
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (isMapping(key)) {
            try {
                JsonNode node = parse(value);
                if (node == null || !node.isObject()) {
                    return Optional.of("Write a mapping, for example " + key.example());
                }
                for (var entry : (Iterable<Map.Entry<String, JsonNode>>) node::fields) {
                    if (!entry.getValue().isValueNode() || entry.getValue().asText().isBlank()) {
                        return Optional.of("`" + entry.getKey() + "` needs a single value, for example "
                                + key.example());
                    }
                }
                return Optional.empty();
            } catch (YamlTreeReader.YamlReadException e) {
                return Optional.of("Not a YAML mapping (" + e.getMessage() + "); for example " + key.example());
            }
        }
        List<String> choices = choices(key, direction);
        if (!choices.isEmpty() && !choices.contains(value)) {
            return Optional.of("One of " + String.join(", ", choices));
        }
        Pattern format = FORMATS.get(key.path());
        if (format != null && !format.matcher(value).matches()) {
            return Optional.of("Expected " + FORMAT_HINTS.get(key.path()));
        }
        return Optional.empty();
    }

    /** The value as it goes into {@code settings.yaml}: a mapping, or the text itself (never a number). */
    static JsonNode node(SettingKey key, String text) {
        String value = text.strip();
        if (isMapping(key)) {
            try {
                return parse(value);
            } catch (YamlTreeReader.YamlReadException e) {
                throw new IllegalArgumentException(key.path() + ": " + e.getMessage(), e);
            }
        }
        return com.fasterxml.jackson.databind.node.TextNode.valueOf(value);
    }

    /** The text a field shows for a value found in the settings: a scalar as is, a mapping in flow style. */
    static String text(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return "";
        }
        if (node.isValueNode()) {
            return node.asText();
        }
        StringBuilder text = new StringBuilder("{");
        node.fields().forEachRemaining(entry -> {
            if (text.length() > 1) {
                text.append(", ");
            }
            text.append(quoteIfNeeded(entry.getKey())).append(": ").append(quoteIfNeeded(entry.getValue().asText()));
        });
        return text.append('}').toString();
    }

    private static String quoteIfNeeded(String text) {
        return text.matches("[A-Za-z0-9._/@-][A-Za-z0-9._/@:-]*") && !text.contains(": ") ? text
                : "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static JsonNode parse(String value) throws YamlTreeReader.YamlReadException {
        return new YamlTreeReader(ReadLimits.defaults()).read(value);
    }
}
