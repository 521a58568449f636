package dev.ferry.engine.rule.secrets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads the {@code objects} parameter of a {@code provider: azure} SecretProviderClass (EDGES.md §6.2): a YAML string
 * whose {@code array:} holds YAML strings, each describing one Key Vault object.
 */
final class KeyVaultObjects {

    static final Set<String> TYPES = Set.of("secret", "key", "cert");
    private static final Set<String> KNOWN_FIELDS = Set.of("objectName", "objectType", "objectAlias", "objectVersion",
            "objectVersionHistory", "objectFormat", "objectEncoding", "filePermission");
    private static final ObjectMapper YAML = boundedMapper();

    private KeyVaultObjects() {
    }

    /** One Key Vault object; blank strings for absent optional fields. */
    record KeyVaultObject(String name, String type, String alias, String version, int versionHistory, String format,
                          String encoding, String filePermission, List<String> unknownFields) {

        /** The mounted file name: the alias, else the object name (Azure provider {@code GetFileName}). */
        String fileName() {
            return alias.isBlank() ? name : alias;
        }

        /** What the provider writes, apart from name and alias. */
        String shape() {
            return type + "|" + format + "|" + encoding;
        }
    }

    /** The objects, or why they could not be read. */
    record Parsed(List<KeyVaultObject> objects, String problem) {
        boolean ok() {
            return problem.isEmpty();
        }
    }

    static Parsed parse(JsonNode parameter) {
        if (parameter.isMissingNode() || parameter.isNull()) {
            return failure("`spec.parameters.objects` is missing");
        }
        if (!parameter.isTextual()) {
            return failure("`spec.parameters.objects` is not a string (the API field is a string holding YAML)");
        }
        JsonNode document;
        try {
            document = YAML.readTree(parameter.asText());
        } catch (JsonProcessingException e) {
            return failure("`spec.parameters.objects` is not valid YAML (" + where(e) + ")");
        }
        JsonNode array = document == null ? null : document.path("array");
        if (array == null || !array.isArray()) {
            return failure("`spec.parameters.objects` has no `array:` list");
        }
        List<KeyVaultObject> objects = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String element = "element " + (i + 1) + " of `objects.array`";
            if (!array.get(i).isTextual()) {
                return failure(element + " is " + (array.get(i).isObject() ? "a mapping" : "not a string")
                        + "; the Azure provider expects each element as a YAML string (`- |` followed by the fields)");
            }
            JsonNode fields;
            try {
                fields = YAML.readTree(array.get(i).asText());
            } catch (JsonProcessingException e) {
                return failure(element + " is not valid YAML (" + where(e) + ")");
            }
            if (fields == null || !fields.isObject()) {
                return failure(element + " is not a mapping of object fields");
            }
            String name = text(fields, "objectName");
            String type = text(fields, "objectType");
            if (name.isBlank()) {
                return failure(element + " has no `objectName`");
            }
            if (!TYPES.contains(type)) {
                return failure(element + " (`" + name + "`) has objectType `" + type + "`; expected secret, key or cert");
            }
            String history = text(fields, "objectVersionHistory");
            int versionHistory;
            try {
                versionHistory = history.isBlank() ? 0 : Integer.parseInt(history);
            } catch (NumberFormatException e) {
                return failure(element + " (`" + name + "`) has a non-numeric `objectVersionHistory`");
            }
            List<String> unknown = new ArrayList<>();
            for (Iterator<String> it = fields.fieldNames(); it.hasNext(); ) {
                String field = it.next();
                if (!KNOWN_FIELDS.contains(field)) {
                    unknown.add(field);
                }
            }
            objects.add(new KeyVaultObject(name, type, text(fields, "objectAlias"), text(fields, "objectVersion"),
                    versionHistory, text(fields, "objectFormat"), text(fields, "objectEncoding"),
                    text(fields, "filePermission"), List.copyOf(unknown)));
        }
        if (objects.isEmpty()) {
            return failure("`spec.parameters.objects` lists no object");
        }
        return new Parsed(List.copyOf(objects), "");
    }

    private static Parsed failure(String problem) {
        return new Parsed(List.of(), problem);
    }

    private static String text(JsonNode fields, String name) {
        JsonNode value = fields.path(name);
        return value.isValueNode() && !value.isNull() ? value.asText().strip() : "";
    }

    /** The parser's location only: its message may quote the document. */
    private static String where(JsonProcessingException e) {
        return e.getLocation() == null ? "unreadable"
                : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }

    private static ObjectMapper boundedMapper() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(20);
        options.setAllowDuplicateKeys(false);
        options.setCodePointLimit(1_000_000);
        options.setNestingDepthLimit(20);
        options.setAllowRecursiveKeys(false);
        return new ObjectMapper(YAMLFactory.builder()
                .loaderOptions(options)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(20).build())
                .build());
    }
}
