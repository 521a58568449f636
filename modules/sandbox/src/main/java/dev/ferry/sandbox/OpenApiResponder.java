package dev.ferry.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * A minimal OpenAPI v3 surface ({@code /openapi/v3} and one document per group version) listing every served
 * resource's operations and their query parameters, without schemas. It is what kubectl reads to learn that the
 * server validates fields and supports dry runs itself ({@code kubectl apply --server-side}, {@code --dry-run=server},
 * {@code --validate=strict}); object schemas are not served, so client-side validation and {@code kubectl explain}
 * are not available.
 */
final class OpenApiResponder {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String PREFIX = "/openapi/v3";

    private final ResourceCatalog catalog;

    OpenApiResponder(ResourceCatalog catalog) {
        this.catalog = catalog;
    }

    Optional<JsonNode> respond(ApiPath path) {
        String p = path.path();
        if (p.equals(PREFIX)) {
            return Optional.of(root());
        }
        if (!p.startsWith(PREFIX + "/")) {
            return Optional.empty();
        }
        String groupVersion = p.substring(PREFIX.length() + 1);
        for (ResourceType type : catalog.all()) {
            if (relative(type).equals(groupVersion)) {
                return Optional.of(document(type.group(), type.version()));
            }
        }
        return Optional.empty();
    }

    private JsonNode root() {
        ObjectNode root = NODES.objectNode();
        ObjectNode paths = root.putObject("paths");
        for (ResourceType type : catalog.all()) {
            String key = relative(type);
            if (!paths.has(key)) {
                paths.putObject(key).put("serverRelativeURL", PREFIX + "/" + key + "?hash="
                        + hash(document(type.group(), type.version())));
            }
        }
        return root;
    }

    private ObjectNode document(String group, String version) {
        ObjectNode document = NODES.objectNode().put("openapi", "3.0.0");
        document.putObject("info").put("title", "Kubernetes").put("version", DiscoveryResponder.GIT_VERSION);
        ObjectNode paths = document.putObject("paths");
        for (ResourceType type : catalog.types(group, version)) {
            String collection = type.namespaced()
                    ? type.groupVersionPath() + "/namespaces/{namespace}/" + type.plural()
                    : type.groupVersionPath() + "/" + type.plural();
            ObjectNode collectionPath = paths.putObject(collection);
            operation(collectionPath, "get", type, "list", List.of());
            operation(collectionPath, "post", type, "post", List.of("dryRun", "fieldManager", "fieldValidation"));
            ObjectNode objectPath = paths.putObject(collection + "/{name}");
            operation(objectPath, "get", type, "get", List.of());
            operation(objectPath, "put", type, "put", List.of("dryRun", "fieldManager", "fieldValidation"));
            operation(objectPath, "patch", type, "patch",
                    List.of("dryRun", "fieldManager", "fieldValidation", "force"));
            operation(objectPath, "delete", type, "delete", List.of("dryRun"));
        }
        document.putObject("components").putObject("schemas");
        return document;
    }

    private static void operation(ObjectNode path, String method, ResourceType type, String action,
                                  List<String> parameters) {
        ObjectNode operation = path.putObject(method);
        operation.put("operationId", action + type.kind());
        ArrayNode params = operation.putArray("parameters");
        for (String name : parameters) {
            params.addObject().put("name", name).put("in", "query").putObject("schema").put("type",
                    name.equals("force") ? "boolean" : "string");
        }
        operation.putObject("responses").putObject("200").put("description", "OK");
        operation.put("x-kubernetes-action", action);
        operation.putObject("x-kubernetes-group-version-kind").put("group", type.group())
                .put("kind", type.kind()).put("version", type.version());
    }

    private static String relative(ResourceType type) {
        return type.groupVersionPath().substring(1);
    }

    private static String hash(JsonNode document) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(ObjectStore.toJson(document).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 32).toUpperCase(java.util.Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
