package dev.ferry.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One Kubernetes object as a JSON tree, with its key and where it came from.
 *
 * <p>The tree is owned by this object and must be treated as read-only: rules, the runner and the bundle never
 * mutate it. Derive a changed object with {@link #withBody(ObjectNode)} on a copy.
 *
 * <p>{@code observed} holds facts the sanitizer saw before it stripped server-managed fields (for example that a
 * claim was bound to a volume), so rules can reason about them without the fields being carried.
 */
public final class KubeObject {

    private final ObjectNode body;
    private final ResourceKey key;
    private final Origin origin;
    private final Map<String, String> observed;

    private KubeObject(ObjectNode body, Origin origin, Map<String, String> observed) {
        this.body = Objects.requireNonNull(body, "body");
        this.key = keyOf(body);
        this.origin = origin;
        this.observed = observed;
    }

    public static KubeObject of(ObjectNode body) {
        return new KubeObject(body, Origin.unknown(), Map.of());
    }

    public static KubeObject of(ObjectNode body, Origin origin) {
        return new KubeObject(body, origin, Map.of());
    }

    /** True when the tree has the minimum every Kubernetes object needs: apiVersion, kind and metadata.name. */
    public static boolean looksLikeObject(JsonNode node) {
        return node instanceof ObjectNode
                && node.path("apiVersion").isTextual() && !node.path("apiVersion").asText().isBlank()
                && node.path("kind").isTextual() && !node.path("kind").asText().isBlank()
                && node.path("metadata").path("name").isTextual()
                && !node.path("metadata").path("name").asText().isBlank();
    }

    private static ResourceKey keyOf(ObjectNode body) {
        if (!looksLikeObject(body)) {
            throw new IllegalArgumentException("not a Kubernetes object: apiVersion, kind and metadata.name are required");
        }
        JsonNode metadata = body.path("metadata");
        return new ResourceKey(body.path("apiVersion").asText(), body.path("kind").asText(),
                metadata.path("namespace").asText(""), metadata.path("name").asText());
    }

    public KubeObject withBody(ObjectNode newBody) {
        return new KubeObject(newBody, origin, observed);
    }

    public KubeObject withObserved(Map<String, String> facts) {
        return new KubeObject(body, origin, Collections.unmodifiableMap(new LinkedHashMap<>(facts)));
    }

    /** The object's tree. Read-only by contract; copy it with {@link #copyBody()} before changing anything. */
    public ObjectNode body() {
        return body;
    }

    public ObjectNode copyBody() {
        return body.deepCopy();
    }

    public ResourceKey key() {
        return key;
    }

    public Origin origin() {
        return origin;
    }

    public String apiVersion() {
        return key.apiVersion();
    }

    public String kind() {
        return key.kind();
    }

    public String name() {
        return key.name();
    }

    public String namespace() {
        return key.namespace();
    }

    public boolean isKind(String group, String kind) {
        return key.isKind(group, kind);
    }

    /** The node at a JSON Pointer, or a missing node. */
    public JsonNode at(String pointer) {
        return body.at(pointer);
    }

    public Map<String, String> labels() {
        return stringMap(body.path("metadata").path("labels"));
    }

    public Map<String, String> annotations() {
        return stringMap(body.path("metadata").path("annotations"));
    }

    public Map<String, String> observed() {
        return observed;
    }

    static Map<String, String> stringMap(JsonNode node) {
        if (!node.isObject() || node.isEmpty()) {
            return Map.of();
        }
        Map<String, String> map = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText()));
        return Collections.unmodifiableMap(map);
    }

    @Override
    public String toString() {
        return key.toString();
    }
}
