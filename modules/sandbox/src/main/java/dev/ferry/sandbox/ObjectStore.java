package dev.ferry.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The objects of one sandbox, kept by fabric8's CRUD dispatcher (which also serves lists, selectors and watches).
 * Every write goes through here with the object already complete, so the CRUD dispatcher only stores it, assigns
 * uid, creationTimestamp and resourceVersion, bumps the generation, and notifies watchers.
 *
 * <p>Writes that read then write run inside {@link #atomically}, so two requests never interleave between the read
 * and the write.
 */
final class ObjectStore {

    static final ObjectMapper JSON = new ObjectMapper();

    private final KubernetesCrudDispatcher crud = new KubernetesCrudDispatcher();
    private final ReentrantLock writes = new ReentrantLock();

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
        MockResponse response = crud.handleGet(type.objectPath(namespace, name));
        return response.code() == 200 ? Optional.of(parse(response)) : Optional.empty();
    }

    List<ObjectNode> list(ResourceType type, String namespace) {
        MockResponse response = crud.handleGet(type.collectionPath(namespace));
        List<ObjectNode> items = new ArrayList<>();
        parse(response).path("items").forEach(item -> items.add((ObjectNode) item));
        return items;
    }

    /** The objects a list request (path and query, with label and field selectors) returns. */
    List<ObjectNode> query(String pathAndQuery) {
        List<ObjectNode> items = new ArrayList<>();
        parse(crud.handleGet(pathAndQuery)).path("items").forEach(item -> items.add((ObjectNode) item));
        return items;
    }

    ObjectNode create(ResourceType type, ObjectNode object) {
        String namespace = type.namespaced() ? object.path("metadata").path("namespace").asText(null) : null;
        return write(HttpMethod.POST, type.collectionPath(namespace), object, 201);
    }

    ObjectNode replace(ResourceType type, ObjectNode object) {
        return write(HttpMethod.PUT, path(type, object), object, 200);
    }

    ObjectNode replaceStatus(ResourceType type, ObjectNode object) {
        return write(HttpMethod.PUT, path(type, object) + "/status", object, 200);
    }

    Optional<ObjectNode> delete(ResourceType type, String namespace, String name) {
        MockResponse response = crud.handleDelete(type.objectPath(namespace, name));
        return response.code() == 200 ? Optional.of(parse(response)) : Optional.empty();
    }

    private static String path(ResourceType type, ObjectNode object) {
        JsonNode metadata = object.path("metadata");
        return type.objectPath(type.namespaced() ? metadata.path("namespace").asText(null) : null,
                metadata.path("name").asText());
    }

    private ObjectNode write(HttpMethod method, String path, ObjectNode object, int expected) {
        RecordedRequest request = new RecordedRequest("HTTP/1.1", method, path,
                Headers.builder().add("Content-Type", "application/json").build(),
                new Buffer().writeUtf8(toJson(object)));
        MockResponse response = method == HttpMethod.POST ? crud.handleCreate(request) : crud.handleUpdate(request);
        if (response.code() != expected) {
            throw new IllegalStateException("The object store refused " + method + " " + path + ": "
                    + response.code() + " " + (response.getBody() == null ? ""
                    : new String(response.getBody().getBytes(), java.nio.charset.StandardCharsets.UTF_8)));
        }
        return parse(response);
    }

    static String toJson(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode parse(MockResponse response) {
        return parse(new String(response.getBody().getBytes(), java.nio.charset.StandardCharsets.UTF_8));
    }

    static ObjectNode parse(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
