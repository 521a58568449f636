package dev.ferry.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The admission checks the sandbox makes before a write (and a dry run): the body is of the kind the path names,
 * the name is valid, a namespaced object's namespace exists, and, with {@code fieldValidation=Strict}, no unknown
 * field is present.
 */
final class ObjectValidator {

    private static final Pattern SUBDOMAIN =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Set<String> LABEL_NAMED = Set.of("Namespace", "Service");
    private static final Set<String> PATH_SEGMENT_NAMED = Set.of("Role", "ClusterRole", "RoleBinding",
            "ClusterRoleBinding");
    private static final Set<String> OBJECT_META = Set.of("name", "generateName", "namespace", "selfLink", "uid",
            "resourceVersion", "generation", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds",
            "labels", "annotations", "ownerReferences", "finalizers", "managedFields");

    /** How unknown fields are treated, from the {@code fieldValidation} query parameter. */
    enum FieldValidation {
        IGNORE, WARN, STRICT;

        static FieldValidation of(String value) {
            return switch (value == null ? "" : value) {
                case "Strict" -> STRICT;
                case "Ignore" -> IGNORE;
                default -> WARN;
            };
        }
    }

    private final ResourceCatalog catalog;
    private final ObjectStore store;

    ObjectValidator(ResourceCatalog catalog, ObjectStore store) {
        this.catalog = catalog;
        this.store = store;
    }

    /** Checks that the body is an object of {@code type}; returns it. */
    ObjectNode requireKind(ResourceType type, JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("the body of the request is not a Kubernetes object");
        }
        String apiVersion = body.path("apiVersion").asText("");
        String kind = body.path("kind").asText("");
        if (kind.isEmpty()) {
            throw ApiException.badRequest("Object 'Kind' is missing in the request body");
        }
        if (!apiVersion.equals(type.apiVersion()) || !kind.equals(type.kind())) {
            throw ApiException.badRequest("the API version in the data (" + apiVersion + ") and kind (" + kind
                    + ") do not match the expected API version (" + type.apiVersion() + ") and kind ("
                    + type.kind() + ")");
        }
        return (ObjectNode) body;
    }

    /**
     * Validates an object about to be stored.
     *
     * @return warnings for the {@code Warning} header (unknown fields under the default Warn validation)
     */
    List<String> validate(ResourceType type, ObjectNode object, String pathNamespace, FieldValidation validation) {
        JsonNode metadata = object.path("metadata");
        String name = metadata.path("name").asText("");
        if (name.isEmpty() && metadata.path("generateName").asText("").isEmpty()) {
            throw ApiException.invalid(type, "", "metadata.name", "Required value: name or generateName is required");
        }
        if (!name.isEmpty()) {
            validateName(type, name);
        }
        if (type.namespaced()) {
            String namespace = metadata.path("namespace").asText("");
            if (pathNamespace != null && !namespace.isEmpty() && !namespace.equals(pathNamespace)) {
                throw ApiException.badRequest("the namespace of the provided object (" + namespace
                        + ") does not match the namespace sent on the request (" + pathNamespace + ")");
            }
            String effective = pathNamespace != null ? pathNamespace : namespace;
            if (effective.isEmpty()) {
                throw ApiException.badRequest("an empty namespace may not be set when a resource name is provided");
            }
            if (store.get(namespaceType(), null, effective).isEmpty()) {
                throw ApiException.namespaceNotFound(effective);
            }
        }
        List<String> unknown = unknownFields(type, object);
        if (unknown.isEmpty() || validation == FieldValidation.IGNORE) {
            return List.of();
        }
        List<String> messages = unknown.stream().map(field -> "unknown field \"" + field + "\"").toList();
        if (validation == FieldValidation.STRICT) {
            throw ApiException.badRequest(type.kind() + " in version \"" + type.version()
                    + "\" cannot be handled as a " + type.kind() + ": strict decoding error: "
                    + String.join(", ", messages));
        }
        return messages;
    }

    private void validateName(ResourceType type, String name) {
        if (PATH_SEGMENT_NAMED.contains(type.kind())) {
            if (name.equals(".") || name.equals("..") || name.contains("/") || name.contains("%")) {
                throw ApiException.invalid(type, name, "metadata.name", "Invalid value: \"" + name
                        + "\": may not be '.' or '..' and may not contain '/' or '%'");
            }
            return;
        }
        boolean label = LABEL_NAMED.contains(type.kind()) && type.group().isEmpty();
        int max = label ? 63 : 253;
        if (name.length() > max || !(label ? LABEL : SUBDOMAIN).matcher(name).matches()) {
            throw ApiException.invalid(type, name, "metadata.name", "Invalid value: \"" + name + "\": a lowercase "
                    + (label ? "RFC 1123 label" : "RFC 1123 subdomain") + " must consist of lower case alphanumeric"
                    + " characters, '-'" + (label ? "" : " or '.'") + ", and must start and end with an"
                    + " alphanumeric character (at most " + max + " characters)");
        }
    }

    private List<String> unknownFields(ResourceType type, ObjectNode object) {
        List<String> unknown = new ArrayList<>();
        catalog.topLevelFields(type).ifPresent(allowed -> object.fieldNames().forEachRemaining(field -> {
            if (!allowed.contains(field)) {
                unknown.add(field);
            }
        }));
        object.path("metadata").fieldNames().forEachRemaining(field -> {
            if (!OBJECT_META.contains(field)) {
                unknown.add("metadata." + field);
            }
        });
        return unknown;
    }

    private ResourceType namespaceType() {
        return catalog.byPlural("", "v1", "namespaces").orElseThrow();
    }
}
