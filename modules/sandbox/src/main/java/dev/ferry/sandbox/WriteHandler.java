package dev.ferry.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.sandbox.ObjectValidator.FieldValidation;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Create, update, patch, server-side apply and delete, as an API server does them: validated first, a dry run
 * answers with what would be stored and stores nothing, a real write goes to the {@link ObjectStore} and is told to
 * the listeners (CRD registration, the readiness simulator).
 */
final class WriteHandler {

    private static final String[] SERVER_SET = {"uid", "resourceVersion", "creationTimestamp", "generation",
        "managedFields", "selfLink", "deletionTimestamp", "deletionGracePeriodSeconds"};

    private final ResourceCatalog catalog;
    private final ObjectStore store;
    private final ObjectValidator validator;
    private final ServerDefaults defaults = new ServerDefaults();
    private final List<ObjectListener> listeners = new CopyOnWriteArrayList<>();

    WriteHandler(ResourceCatalog catalog, ObjectStore store) {
        this.catalog = catalog;
        this.store = store;
        this.validator = new ObjectValidator(catalog, store);
    }

    void addListener(ObjectListener listener) {
        listeners.add(listener);
    }

    /**
     * The options of one write.
     *
     * @param namespace  the namespace from the path (null for cluster-scoped kinds or collection-wide requests)
     * @param name       the name from the path, null for a create
     * @param manager    the field manager recorded for the write
     * @param force      server-side apply takes fields from other managers instead of failing
     */
    record Write(ResourceType type, String namespace, String name, String manager, boolean dryRun,
                 FieldValidation validation, boolean force) {
    }

    ApiResponse create(Write write, JsonNode body) {
        ResourceType type = write.type();
        ObjectNode object = validator.requireKind(type, body).deepCopy();
        ObjectNode metadata = ManagedFields.child(object, "metadata");
        placeInNamespace(type, metadata, write.namespace());
        List<String> warnings = validator.validate(type, object, write.namespace(), write.validation());
        if (metadata.path("name").asText("").isEmpty()) {
            metadata.put("name", metadata.path("generateName").asText() + randomSuffix());
        }
        stripServerSet(metadata);
        if (type.hasStatus()) {
            object.remove("status");
        }
        return store.atomically(() -> {
            String name = metadata.path("name").asText();
            if (store.get(type, namespaceOf(type, metadata), name).isPresent()) {
                throw ApiException.alreadyExists(type, name);
            }
            ManagedFields.recordUpdate(type, null, object, write.manager());
            return new ApiResponse(201, storeNew(type, object, write.dryRun()), warnings);
        });
    }

    ApiResponse update(Write write, JsonNode body, boolean statusOnly) {
        ResourceType type = write.type();
        ObjectNode object = validator.requireKind(type, body).deepCopy();
        ObjectNode metadata = ManagedFields.child(object, "metadata");
        String bodyName = metadata.path("name").asText("");
        if (!bodyName.isEmpty() && !bodyName.equals(write.name())) {
            throw ApiException.badRequest("the name of the object (" + bodyName
                    + ") does not match the name on the URL (" + write.name() + ")");
        }
        metadata.put("name", write.name());
        placeInNamespace(type, metadata, write.namespace());
        List<String> warnings = validator.validate(type, object, write.namespace(), write.validation());
        return store.atomically(() -> {
            ObjectNode live = existing(write);
            checkResourceVersion(type, live, metadata.path("resourceVersion").asText(""));
            ObjectNode result;
            if (statusOnly) {
                result = live.deepCopy();
                result.set("status", object.path("status").deepCopy());
            } else {
                result = object;
                stripServerSet(metadata);
                keepStatus(type, live, result);
                keepManagedFields(live, result);
                ManagedFields.recordUpdate(type, live, result, write.manager());
            }
            return new ApiResponse(200, storeUpdate(type, live, result, write.dryRun(), statusOnly), warnings);
        });
    }

    ApiResponse patch(Write write, String contentType, JsonNode patch, boolean statusOnly) {
        ResourceType type = write.type();
        return store.atomically(() -> {
            ObjectNode live = existing(write);
            ObjectNode patched = switch (contentType) {
                case "application/json-patch+json" -> Patches.jsonPatch(live.deepCopy(), patch, type, write.name());
                case "application/merge-patch+json" -> asObject(Patches.mergePatch(live, patch));
                case "application/strategic-merge-patch+json" -> asObject(Patches.strategicMerge(live, patch));
                default -> throw ApiException.unsupportedMediaType(contentType);
            };
            JsonNode requested = contentType.equals("application/json-patch+json") ? patched : patch;
            checkResourceVersion(type, live, requested.path("metadata").path("resourceVersion").asText(""));
            ObjectNode metadata = ManagedFields.child(patched, "metadata");
            checkIdentity(type, live, patched);
            List<String> warnings = validator.validate(type, patched, write.namespace(), write.validation());
            ObjectNode result;
            if (statusOnly) {
                result = live.deepCopy();
                result.set("status", patched.path("status").deepCopy());
            } else {
                result = patched;
                stripServerSet(metadata);
                keepStatus(type, live, result);
                keepManagedFields(live, result);
                ManagedFields.recordUpdate(type, live, result, write.manager());
            }
            return new ApiResponse(200, storeUpdate(type, live, result, write.dryRun(), statusOnly), warnings);
        });
    }

    /** Server-side apply: creates when absent (201), merges when present (200). */
    ApiResponse apply(Write write, JsonNode body) {
        ResourceType type = write.type();
        if (write.manager() == null || write.manager().isEmpty()) {
            throw ApiException.badRequest("PATCH requests with content type application/apply-patch+yaml must "
                    + "set the fieldManager query parameter");
        }
        ObjectNode config = validator.requireKind(type, body).deepCopy();
        ObjectNode metadata = ManagedFields.child(config, "metadata");
        String bodyName = metadata.path("name").asText("");
        if (!bodyName.isEmpty() && !bodyName.equals(write.name())) {
            throw ApiException.badRequest("the name of the object (" + bodyName
                    + ") does not match the name on the URL (" + write.name() + ")");
        }
        metadata.put("name", write.name());
        placeInNamespace(type, metadata, write.namespace());
        List<String> warnings = validator.validate(type, config, write.namespace(), write.validation());
        String precondition = metadata.path("resourceVersion").asText("");
        stripServerSet(metadata);
        return store.atomically(() -> {
            Optional<ObjectNode> live = store.get(type, write.namespace(), write.name());
            if (!precondition.isEmpty()) {
                checkResourceVersion(type, live.orElseThrow(() -> ApiException.notFound(type, write.name())),
                        precondition);
            }
            ObjectNode result = ServerSideApply.apply(type, live.orElse(null), config, write.manager(),
                    write.force());
            if (live.isEmpty()) {
                return new ApiResponse(201, storeNew(type, result, write.dryRun()), warnings);
            }
            if (result.equals(live.get())) {
                return new ApiResponse(200, live.get(), warnings);
            }
            return new ApiResponse(200, storeUpdate(type, live.get(), result, write.dryRun(), false), warnings);
        });
    }

    /**
     * Preloads one object as if applied by {@code manager} (forced), keeping the status it carries: how a sandbox is
     * seeded with an estate.
     */
    ObjectNode load(ResourceType type, ObjectNode object, String manager) {
        ObjectNode metadata = ManagedFields.child(object, "metadata");
        stripServerSet(metadata);
        String namespace = namespaceOf(type, metadata);
        String name = metadata.path("name").asText();
        Write write = new Write(type, namespace, name, manager, false, FieldValidation.IGNORE, true);
        ObjectNode stored = (ObjectNode) apply(write, object).body();
        JsonNode status = object.get("status");
        if (type.hasStatus() && status != null && !status.equals(stored.get("status"))) {
            ObjectNode withStatus = stored.deepCopy();
            withStatus.set("status", status.deepCopy());
            return store.atomically(() -> stored(type, store.replaceStatus(type, withStatus)));
        }
        return stored;
    }

    /**
     * The {@code scale} subresource: reads the object's replicas as an {@code autoscaling/v1} Scale and, when
     * {@code change} is given, writes the replicas of the changed Scale back to the object.
     */
    ApiResponse scale(Write write, java.util.function.UnaryOperator<ObjectNode> change) {
        ResourceType type = write.type();
        return store.atomically(() -> {
            ObjectNode live = existing(write);
            if (change == null) {
                return ApiResponse.of(200, scaleOf(live));
            }
            ObjectNode scaled = change.apply(scaleOf(live));
            checkResourceVersion(type, live, scaled.path("metadata").path("resourceVersion").asText(""));
            ObjectNode result = live.deepCopy();
            ManagedFields.child(result, "spec").set("replicas", scaled.path("spec").path("replicas").deepCopy());
            ManagedFields.recordUpdate(type, live, result, write.manager());
            return ApiResponse.of(200, scaleOf(storeUpdate(type, live, result, write.dryRun(), false)));
        });
    }

    private static ObjectNode scaleOf(ObjectNode object) {
        ObjectNode scale = ObjectStore.JSON.createObjectNode().put("kind", "Scale").put("apiVersion", "autoscaling/v1");
        ObjectNode metadata = scale.putObject("metadata");
        for (String field : new String[] {"name", "namespace", "uid", "resourceVersion", "creationTimestamp"}) {
            if (object.path("metadata").has(field)) {
                metadata.set(field, object.path("metadata").get(field).deepCopy());
            }
        }
        scale.putObject("spec").put("replicas", object.path("spec").path("replicas").asInt(1));
        List<String> selector = new java.util.ArrayList<>();
        object.path("spec").path("selector").path("matchLabels").properties()
                .forEach(label -> selector.add(label.getKey() + "=" + label.getValue().asText()));
        scale.putObject("status").put("replicas", object.path("status").path("replicas").asInt(0))
                .put("selector", String.join(",", selector));
        return scale;
    }

    ApiResponse delete(Write write) {
        ResourceType type = write.type();
        return store.atomically(() -> {
            ObjectNode live = existing(write);
            if (write.dryRun()) {
                return ApiResponse.of(200, live);
            }
            return ApiResponse.of(200, remove(type, live));
        });
    }

    /**
     * A write by a simulated controller (the readiness simulator): the object's main fields, recorded under
     * {@code manager}, or only its status. Runs inside {@link ObjectStore#atomically}.
     */
    ObjectNode controllerWrite(ResourceType type, ObjectNode live, ObjectNode result, boolean statusOnly,
                               String manager) {
        if (!statusOnly) {
            ManagedFields.recordUpdate(type, live, result, manager);
        }
        return storeUpdate(type, live, result, false, statusOnly);
    }

    /** DELETE on a collection: removes every object the request's selectors match. */
    ApiResponse deleteCollection(Write write, String pathAndQuery) {
        ResourceType type = write.type();
        return store.atomically(() -> {
            List<ObjectNode> matching = store.query(pathAndQuery);
            ObjectNode list = ObjectStore.JSON.createObjectNode().put("kind", type.kind() + "List")
                    .put("apiVersion", type.apiVersion());
            list.putObject("metadata");
            com.fasterxml.jackson.databind.node.ArrayNode items = list.putArray("items");
            for (ObjectNode object : matching) {
                items.add(write.dryRun() ? object : remove(type, object));
            }
            return ApiResponse.of(200, list);
        });
    }

    /** Deletes a stored object and what goes with it: a namespace's objects, a CRD's objects, a claim's volume. */
    ObjectNode remove(ResourceType type, ObjectNode live) {
        String name = live.path("metadata").path("name").asText();
        if (type.group().isEmpty() && type.kind().equals("Namespace")) {
            for (ResourceType member : catalog.all()) {
                if (member.namespaced()) {
                    store.list(member, name).forEach(object -> remove(member, object));
                }
            }
        }
        if (type.kind().equals("CustomResourceDefinition")) {
            for (ResourceType served : catalog.all()) {
                if (catalog.isCustom(served) && name.equals(served.plural() + "." + served.group())) {
                    store.list(served, null).forEach(object -> remove(served, object));
                }
            }
            catalog.unregister(name);
        }
        ObjectNode removed = store.delete(type, namespaceOf(type, live.path("metadata")), name).orElse(live);
        boolean onlyMarked = !removed.path("metadata").path("finalizers").isEmpty();
        listeners.forEach(listener -> {
            if (onlyMarked) {
                listener.written(type, removed);
            } else {
                listener.deleted(type, removed);
            }
        });
        return removed;
    }

    private ObjectNode storeNew(ResourceType type, ObjectNode object, boolean dryRun) {
        defaults.onWrite(type, object, null);
        defaults.onCreate(type, object);
        if (dryRun) {
            ObjectNode metadata = ManagedFields.child(object, "metadata");
            metadata.put("uid", UUID.randomUUID().toString());
            metadata.put("creationTimestamp", ManagedFields.now());
            metadata.put("generation", 1);
            return object;
        }
        ObjectNode stored = store.create(type, object);
        if (object.has("status") && !stored.has("status")) {
            // custom kinds with a status subresource drop status on create; a real server sets it later anyway
            stored.set("status", object.get("status").deepCopy());
            stored = store.replaceStatus(type, stored);
        }
        return stored(type, stored);
    }

    private ObjectNode storeUpdate(ResourceType type, ObjectNode live, ObjectNode result, boolean dryRun,
                                   boolean statusOnly) {
        defaults.onWrite(type, result, live);
        ObjectNode metadata = ManagedFields.child(result, "metadata");
        for (String field : new String[] {"uid", "creationTimestamp", "resourceVersion", "generation"}) {
            if (live.path("metadata").has(field)) {
                metadata.set(field, live.path("metadata").get(field).deepCopy());
            }
        }
        if (dryRun) {
            if (!statusOnly && ObjectStore.specChanged(live, result)) {
                metadata.put("generation", live.path("metadata").path("generation").asLong(0) + 1);
            }
            return result;
        }
        ObjectNode stored = statusOnly ? store.replaceStatus(type, result) : store.replace(type, result);
        return stored(type, stored);
    }

    private ObjectNode stored(ResourceType type, ObjectNode stored) {
        if (type.kind().equals("CustomResourceDefinition")) {
            catalog.register(stored);
        }
        listeners.forEach(listener -> listener.written(type, stored));
        return stored;
    }

    private ObjectNode existing(Write write) {
        return store.get(write.type(), write.namespace(), write.name())
                .orElseThrow(() -> ApiException.notFound(write.type(), write.name()));
    }

    private static void checkResourceVersion(ResourceType type, ObjectNode live, String expected) {
        if (!expected.isEmpty() && !expected.equals(live.path("metadata").path("resourceVersion").asText())) {
            throw ApiException.stale(type, live.path("metadata").path("name").asText());
        }
    }

    private static void checkIdentity(ResourceType type, ObjectNode live, ObjectNode patched) {
        JsonNode before = live.path("metadata");
        JsonNode after = patched.path("metadata");
        if (!after.path("name").asText().equals(before.path("name").asText())
                || !after.path("namespace").asText("").equals(before.path("namespace").asText(""))) {
            throw ApiException.badRequest("the patch may not change the name or namespace of "
                    + type.qualifiedPlural() + " \"" + before.path("name").asText() + "\"");
        }
        if (!patched.path("apiVersion").asText().equals(type.apiVersion())
                || !patched.path("kind").asText().equals(type.kind())) {
            throw ApiException.badRequest("the patch may not change the apiVersion or kind of "
                    + type.qualifiedPlural() + " \"" + before.path("name").asText() + "\"");
        }
    }

    private static void placeInNamespace(ResourceType type, ObjectNode metadata, String pathNamespace) {
        if (!type.namespaced()) {
            metadata.remove("namespace");
        } else if (pathNamespace != null && metadata.path("namespace").asText("").isEmpty()) {
            metadata.put("namespace", pathNamespace);
        }
    }

    private static String namespaceOf(ResourceType type, JsonNode metadata) {
        return type.namespaced() ? metadata.path("namespace").asText(null) : null;
    }

    private static void stripServerSet(ObjectNode metadata) {
        for (String field : SERVER_SET) {
            metadata.remove(field);
        }
    }

    private static void keepStatus(ResourceType type, ObjectNode live, ObjectNode result) {
        if (type.hasStatus()) {
            if (live.has("status")) {
                result.set("status", live.get("status").deepCopy());
            } else {
                result.remove("status");
            }
        }
    }

    private static void keepManagedFields(ObjectNode live, ObjectNode result) {
        JsonNode managed = live.path("metadata").get("managedFields");
        if (managed != null) {
            ManagedFields.child(result, "metadata").set("managedFields", managed.deepCopy());
        }
    }

    private static ObjectNode asObject(JsonNode node) {
        if (!node.isObject()) {
            throw ApiException.badRequest("the patch did not produce an object");
        }
        return (ObjectNode) node;
    }

    private static String randomSuffix() {
        String alphabet = "bcdfghjklmnpqrstvwxz2456789";
        StringBuilder suffix = new StringBuilder();
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int i = 0; i < 5; i++) {
            suffix.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return suffix.toString();
    }
}
