package dev.ferry.engine.rule.autoscaling;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.model.io.Yaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A small validator for the JSON-schema subset CRD {@code openAPIV3Schema}s use: {@code type} (with
 * {@code x-kubernetes-int-or-string}), {@code required}, {@code properties}, {@code additionalProperties} (false or a
 * schema), {@code enum}, {@code pattern}, {@code minLength}/{@code maxLength}, {@code minItems}/{@code maxItems},
 * {@code items}, {@code minimum}/{@code maximum}, {@code minProperties}/{@code maxProperties} and {@code anyOf}.
 * Kubernetes' structural-schema rule is applied: an object schema with {@code properties} and no
 * {@code additionalProperties} and no {@code x-kubernetes-preserve-unknown-fields} rejects unknown fields (the API
 * server prunes them). CEL rules ({@code x-kubernetes-validations}) and {@code format} are NOT evaluated; the tests
 * check the CEL rules that matter to Ferry's output by hand.
 */
final class CrdSchemaValidator {

    private final JsonNode schema;

    private CrdSchemaValidator(JsonNode schema) {
        this.schema = schema;
    }

    /** The schema of {@code version} in a CRD file. */
    static CrdSchemaValidator load(Path crd, String version) throws IOException {
        JsonNode root = Yaml.parse(Files.readString(crd));
        for (JsonNode v : root.path("spec").path("versions")) {
            if (v.path("name").asText().equals(version)) {
                return new CrdSchemaValidator(v.path("schema").path("openAPIV3Schema"));
            }
        }
        throw new IllegalArgumentException("no version " + version + " in " + crd);
    }

    /** Every violation, as {@code path: message}; empty when the object is valid. */
    List<String> validate(JsonNode object) {
        List<String> errors = new ArrayList<>();
        check(schema, object, "", errors);
        return errors;
    }

    private static void check(JsonNode s, JsonNode value, String path, List<String> errors) {
        String at = path.isEmpty() ? "/" : path;
        if (s.has("anyOf")) {
            boolean any = false;
            for (JsonNode option : s.path("anyOf")) {
                List<String> sub = new ArrayList<>();
                check(option, value, path, sub);
                any |= sub.isEmpty();
            }
            if (!any) {
                errors.add(at + ": matches none of anyOf");
            }
        }
        if (!typeMatches(s, value)) {
            errors.add(at + ": expected " + s.path("type").asText() + " but was " + value.getNodeType());
            return;
        }
        if (s.has("enum")) {
            boolean found = false;
            for (JsonNode option : s.path("enum")) {
                found |= option.equals(value);
            }
            if (!found) {
                errors.add(at + ": " + value + " is not one of " + s.path("enum"));
            }
        }
        if (value.isTextual()) {
            String text = value.asText();
            if (s.has("pattern") && !Pattern.compile(s.path("pattern").asText()).matcher(text).find()) {
                errors.add(at + ": '" + text + "' does not match " + s.path("pattern").asText());
            }
            if (s.has("maxLength") && text.length() > s.path("maxLength").asInt()) {
                errors.add(at + ": longer than " + s.path("maxLength").asInt());
            }
            if (s.has("minLength") && text.length() < s.path("minLength").asInt()) {
                errors.add(at + ": shorter than " + s.path("minLength").asInt());
            }
        }
        if (value.isNumber()) {
            if (s.has("minimum") && value.asDouble() < s.path("minimum").asDouble()) {
                errors.add(at + ": below minimum " + s.path("minimum"));
            }
            if (s.has("maximum") && value.asDouble() > s.path("maximum").asDouble()) {
                errors.add(at + ": above maximum " + s.path("maximum"));
            }
        }
        if (value.isArray()) {
            if (s.has("maxItems") && value.size() > s.path("maxItems").asInt()) {
                errors.add(at + ": more than " + s.path("maxItems").asInt() + " items");
            }
            if (s.has("minItems") && value.size() < s.path("minItems").asInt()) {
                errors.add(at + ": fewer than " + s.path("minItems").asInt() + " items");
            }
            if (s.has("items")) {
                for (int i = 0; i < value.size(); i++) {
                    check(s.path("items"), value.get(i), path + "/" + i, errors);
                }
            }
        }
        if (value.isObject()) {
            checkObject(s, value, path, at, errors);
        }
    }

    private static void checkObject(JsonNode s, JsonNode value, String path, String at, List<String> errors) {
        for (JsonNode required : s.path("required")) {
            if (!value.has(required.asText())) {
                errors.add(at + ": missing required field " + required.asText());
            }
        }
        if (s.has("maxProperties") && value.size() > s.path("maxProperties").asInt()) {
            errors.add(at + ": more than " + s.path("maxProperties").asInt() + " properties");
        }
        if (s.has("minProperties") && value.size() < s.path("minProperties").asInt()) {
            errors.add(at + ": fewer than " + s.path("minProperties").asInt() + " properties");
        }
        JsonNode properties = s.path("properties");
        JsonNode additional = s.path("additionalProperties");
        boolean preserve = s.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String child = path + "/" + field.getKey();
            if (properties.has(field.getKey())) {
                check(properties.path(field.getKey()), field.getValue(), child, errors);
            } else if (additional.isObject()) {
                check(additional, field.getValue(), child, errors);
            } else if (additional.isBoolean() && !additional.asBoolean()) {
                errors.add(child + ": not allowed (additionalProperties: false)");
            } else if (!preserve && properties.isObject() && !additional.isBoolean()) {
                errors.add(child + ": unknown field (the API server would prune it)");
            }
        }
    }

    private static boolean typeMatches(JsonNode s, JsonNode value) {
        if (s.path("x-kubernetes-int-or-string").asBoolean(false)) {
            return value.isTextual() || value.isIntegralNumber();
        }
        return switch (s.path("type").asText("")) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            default -> true;
        };
    }
}
