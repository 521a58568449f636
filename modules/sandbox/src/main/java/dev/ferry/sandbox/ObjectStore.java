package dev.ferry.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The objects of one sandbox. fabric8's CRUD dispatcher keeps them and serves clients' reads (objects, lists with
 * label and field selectors, watches); this store writes to it directly and keeps an index by resource, namespace and
 * name, so that reads and writes made by the sandbox itself do not scan every object. It assigns what the API server
 * assigns on a write: {@code uid} and {@code creationTimestamp} on create, an increasing {@code resourceVersion} on
 * every change, a {@code generation} bumped when anything but metadata and status changes; and it honours finalizers
 * on delete.
 *
 * <p>Writes that read then write run inside {@link #atomically}, so two requests never interleave between the read
 * and the write.
 */
final class ObjectStore {

    static final ObjectMapper JSON = new ObjectMapper();

    private final IndexedCrudDispatcher crud = new IndexedCrudDispatcher();
    private final Map<Key, Entry> index = new ConcurrentHashMap<>();
    private final ReentrantLock writes = new ReentrantLock();

    private record Key(String group, String version, String plural, String namespace, String name) {

        static Key of(ResourceType type, String namespace, String name) {
            return new Key(type.group(), type.version(), type.plural(), type.namespaced() ? namespace : null, name);
        }
    }

    private record Entry(AttributeSet attributes, String json) {
    }

    /** Serves a client's GET (object, list with selectors, or watch) from the CRUD dispatcher. */
    MockResponse read(RecordedRequest request) {
        return crud.dispatch(request);
    }

    <T> T atomically(Supplier<T> work) {
        writes.lock();
        try {
            return work.get();
        } finally {
            writes.unlock();
        }
    }

    Optional<ObjectNode> get(ResourceType type, String namespace, String name) {
        Entry entry = index.get(Key.of(type, namespace, name));
        return entry == null ? Optional.empty() : Optional.of(parse(entry.json()));
    }

    /** The objects of a type, in one namespace or (null) in all. */
    List<ObjectNode> list(ResourceType type, String namespace) {
        List<ObjectNode> items = new ArrayList<>();
        index.forEach((key, entry) -> {
            if (key.group().equals(type.group()) && key.version().equals(type.version())
                    && key.plural().equals(type.plural()) && (namespace == null || namespace.equals(key.namespace()))) {
                items.add(parse(entry.json()));
            }
        });
        items.sort((a, b) -> Long.compare(resourceVersion(a), resourceVersion(b)));
        return items;
    }

    /** The objects a list request (path and query, with label and field selectors) returns. */
    List<ObjectNode> query(String pathAndQuery) {
        List<ObjectNode> items = new ArrayList<>();
        parse(crud.handleGet(pathAndQuery)).path("items").forEach(item -> items.add((ObjectNode) item));
        return items;
    }

    ObjectNode create(ResourceType type, ObjectNode object) {
        ObjectNode created = object.deepCopy();
        ObjectNode metadata = ManagedFields.child(created, "metadata");
        metadata.put("uid", UUID.randomUUID().toString());
        metadata.put("creationTimestamp", ManagedFields.now());
        metadata.put("resourceVersion", String.valueOf(crud.requestResourceVersion()));
        metadata.put("generation", 1);
        metadata.remove("deletionTimestamp");
        return put(type, created, null);
    }

    /** Replaces the object's main fields; uid, creationTimestamp and status stay as the caller set them. */
    ObjectNode replace(ResourceType type, ObjectNode object) {
        Key key = keyOf(type, object);
        Entry live = index.get(key);
        if (live == null) {
            throw new IllegalStateException("No stored object to replace at " + key);
        }
        ObjectNode before = parse(live.json());
        ObjectNode after = object.deepCopy();
        ObjectNode metadata = ManagedFields.child(after, "metadata");
        long generation = before.path("metadata").path("generation").asLong(1);
        metadata.put("generation", specChanged(before, after) ? generation + 1 : generation);
        if (!after.path("metadata").path("deletionTimestamp").isMissingNode()
                && after.path("metadata").path("finalizers").isEmpty()) {
            remove(type, key, live);
            return after;
        }
        return touch(type, before, after, live);
    }

    /** Replaces only the status of the stored object. */
    ObjectNode replaceStatus(ResourceType type, ObjectNode object) {
        Key key = keyOf(type, object);
        Entry live = index.get(key);
        if (live == null) {
            throw new IllegalStateException("No stored object to update at " + key);
        }
        ObjectNode before = parse(live.json());
        ObjectNode after = before.deepCopy();
        JsonNode status = object.get("status");
        if (status == null) {
            after.remove("status");
        } else {
            after.set("status", status.deepCopy());
        }
        return touch(type, before, after, live);
    }

    /**
     * Deletes the object, or, while it has finalizers, marks it with a {@code deletionTimestamp} as a real server
     * does; returns what was removed or marked.
     */
    Optional<ObjectNode> delete(ResourceType type, String namespace, String name) {
        Key key = Key.of(type, namespace, name);
        Entry live = index.get(key);
        if (live == null) {
            return Optional.empty();
        }
        ObjectNode object = parse(live.json());
        if (!object.path("metadata").path("finalizers").isEmpty()) {
            if (object.path("metadata").path("deletionTimestamp").isMissingNode()) {
                ObjectNode marked = object.deepCopy();
                ManagedFields.child(marked, "metadata").put("deletionTimestamp", ManagedFields.now());
                return Optional.of(touch(type, object, marked, live));
            }
            return Optional.of(object);
        }
        remove(type, key, live);
        return Optional.of(object);
    }

    private ObjectNode touch(ResourceType type, ObjectNode before, ObjectNode after, Entry live) {
        ObjectNode metadata = ManagedFields.child(after, "metadata");
        metadata.set("resourceVersion", before.path("metadata").path("resourceVersion").deepCopy());
        if (after.equals(before)) {
            return before;
        }
        metadata.put("resourceVersion", String.valueOf(crud.requestResourceVersion()));
        return put(type, after, live);
    }

    private ObjectNode put(ResourceType type, ObjectNode object, Entry old) {
        String json = toJson(object);
        String namespace = type.namespaced() ? object.path("metadata").path("namespace").asText(null) : null;
        String path = type.collectionPath(namespace);
        GenericKubernetesResource resource = Serialization.unmarshal(json, GenericKubernetesResource.class);
        AttributeSet attributes = crud.keyOf(path, resource);
        crud.write(path, old == null ? null : old.attributes(), resource, json);
        index.put(keyOf(type, object), new Entry(attributes, json));
        return object;
    }

    private void remove(ResourceType type, Key key, Entry live) {
        crud.write(type.collectionPath(key.namespace()), live.attributes(), null, null);
        index.remove(key);
    }

    private static Key keyOf(ResourceType type, JsonNode object) {
        JsonNode metadata = object.path("metadata");
        return Key.of(type, metadata.path("namespace").asText(null), metadata.path("name").asText());
    }

    /** Whether anything but metadata and status differs: what bumps {@code metadata.generation}. */
    static boolean specChanged(ObjectNode before, ObjectNode after) {
        ObjectNode a = before.deepCopy();
        ObjectNode b = after.deepCopy();
        for (ObjectNode node : List.of(a, b)) {
            node.remove("metadata");
            node.remove("status");
        }
        return !a.equals(b);
    }

    private static long resourceVersion(JsonNode object) {
        return object.path("metadata").path("resourceVersion").asLong(0);
    }

    static String toJson(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode parse(MockResponse response) {
        return parse(new String(response.getBody().getBytes(), StandardCharsets.UTF_8));
    }

    static ObjectNode parse(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
