package dev.ferry.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The kinds the sandbox serves: the built-in types of a v1.30 API server plus every CustomResourceDefinition stored
 * in it. Thread-safe; CRDs come and go as they are created and deleted through the API.
 */
final class ResourceCatalog {

    private final List<ResourceType> builtIns = BuiltInTypes.all();
    /** CRD name → the types it serves (one per served version). */
    private final Map<String, List<ResourceType>> custom = new ConcurrentHashMap<>();
    /** CRD type → its top-level schema fields, or absent when the schema allows any field. */
    private final Map<ResourceType, Set<String>> customTopLevelFields = new ConcurrentHashMap<>();

    List<ResourceType> all() {
        List<ResourceType> all = new ArrayList<>(builtIns);
        custom.values().forEach(all::addAll);
        return all;
    }

    Optional<ResourceType> byPlural(String group, String version, String plural) {
        return all().stream()
                .filter(t -> t.group().equals(group) && t.version().equals(version) && t.plural().equals(plural))
                .findFirst();
    }

    Optional<ResourceType> byKind(String apiVersion, String kind) {
        return all().stream()
                .filter(t -> t.apiVersion().equals(apiVersion) && t.kind().equals(kind))
                .findFirst();
    }

    /** Group → versions (preferred first), in discovery order: built-in groups first, then CRD groups. */
    Map<String, List<String>> groups() {
        Map<String, Set<String>> groups = new LinkedHashMap<>();
        for (ResourceType type : all()) {
            if (!type.group().isEmpty()) {
                groups.computeIfAbsent(type.group(), g -> new LinkedHashSet<>()).add(type.version());
            }
        }
        Map<String, List<String>> result = new LinkedHashMap<>();
        groups.forEach((group, versions) -> result.put(group, List.copyOf(versions)));
        return result;
    }

    List<ResourceType> types(String group, String version) {
        return all().stream().filter(t -> t.group().equals(group) && t.version().equals(version)).toList();
    }

    /**
     * The top-level fields an object of this type may carry, for strict field validation; empty when any field is
     * allowed (a CRD whose schema preserves unknown fields).
     */
    Optional<Set<String>> topLevelFields(ResourceType type) {
        if (custom.values().stream().anyMatch(types -> types.contains(type))) {
            return Optional.ofNullable(customTopLevelFields.get(type));
        }
        return Optional.of(BuiltInTypes.topLevelFields(type.kind()));
    }

    /** Makes the kinds of a stored CustomResourceDefinition servable and discoverable. */
    void register(JsonNode crd) {
        JsonNode spec = crd.path("spec");
        String group = spec.path("group").asText();
        JsonNode names = spec.path("names");
        List<String> shortNames = new ArrayList<>();
        names.path("shortNames").forEach(n -> shortNames.add(n.asText()));
        boolean namespaced = !"Cluster".equals(spec.path("scope").asText());
        List<ResourceType> types = new ArrayList<>();
        for (JsonNode version : spec.path("versions")) {
            if (!version.path("served").asBoolean(true)) {
                continue;
            }
            ResourceType type = new ResourceType(group, version.path("name").asText(), names.path("kind").asText(),
                    names.path("plural").asText(), namespaced, shortNames,
                    version.path("subresources").has("status"));
            types.add(type);
            JsonNode schema = version.path("schema").path("openAPIV3Schema");
            if (schema.path("properties").isObject()
                    && !schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
                Set<String> fields = new LinkedHashSet<>(List.of("apiVersion", "kind", "metadata"));
                schema.path("properties").fieldNames().forEachRemaining(fields::add);
                customTopLevelFields.put(type, fields);
            }
        }
        custom.put(crd.path("metadata").path("name").asText(), List.copyOf(types));
    }

    void unregister(String crdName) {
        List<ResourceType> removed = custom.remove(crdName);
        if (removed != null) {
            removed.forEach(customTopLevelFields::remove);
        }
    }

    boolean isCustom(ResourceType type) {
        return custom.values().stream().anyMatch(types -> types.contains(type));
    }
}
