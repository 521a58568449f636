package dev.ferry.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.ferry.sandbox.ObjectValidator.FieldValidation;
import dev.ferry.sandbox.WriteHandler.Write;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ferry's dispatcher in front of fabric8's CRUD dispatcher: answers discovery, validates writes, runs dry runs and
 * server-side apply itself, turns every refusal into a real-looking {@code Status}, and leaves reads, selectors and
 * watches to the CRUD dispatcher.
 */
final class SandboxDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxDispatcher.class);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Map<Integer, String> REASONS = Map.ofEntries(Map.entry(400, "BadRequest"),
            Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"), Map.entry(404, "NotFound"),
            Map.entry(405, "MethodNotAllowed"), Map.entry(409, "Conflict"), Map.entry(410, "Expired"),
            Map.entry(415, "UnsupportedMediaType"), Map.entry(422, "Invalid"), Map.entry(429, "TooManyRequests"),
            Map.entry(500, "InternalError"), Map.entry(503, "ServiceUnavailable"), Map.entry(504, "Timeout"));

    private final ResourceCatalog catalog;
    private final ObjectStore store;
    private final WriteHandler writes;
    private final DiscoveryResponder discovery;
    private final OpenApiResponder openApi;

    SandboxDispatcher(ResourceCatalog catalog, ObjectStore store, WriteHandler writes, DiscoveryResponder discovery) {
        this.catalog = catalog;
        this.store = store;
        this.writes = writes;
        this.discovery = discovery;
        this.openApi = new OpenApiResponder(catalog);
    }

    MockResponse dispatch(RecordedRequest request, SandboxRequest seen) {
        ApiPath path = ApiPath.parse(request.getPath());
        try {
            String method = seen.method();
            if (method.equals("GET") || method.equals("HEAD")) {
                Optional<MockResponse> plain = plainPath(path);
                if (plain.isPresent()) {
                    return plain.get();
                }
                Optional<JsonNode> document = discovery.respond(path).or(() -> openApi.respond(path));
                if (document.isPresent()) {
                    return json(200, document.get());
                }
            }
            if (!path.isResource()) {
                throw ApiException.noSuchResource();
            }
            return resource(request, seen, path);
        } catch (ApiException e) {
            return status(e);
        } catch (RuntimeException e) {
            LOG.warn("The sandbox failed on {}", seen, e);
            return status(new ApiException(500, "InternalError", "Internal error occurred: " + e.getMessage(),
                    null));
        }
    }

    /** The answer of an injected {@link Fault.Action#RESPOND} fault: a Status naming the object, as a server would. */
    MockResponse injected(Fault fault, SandboxRequest seen) {
        ApiPath path = ApiPath.parse(seen.path());
        int code = fault.status();
        String reason = REASONS.getOrDefault(code, "Unknown");
        String resource = path.plural() == null ? seen.path()
                : path.plural() + (path.group() == null || path.group().isEmpty() ? "" : "." + path.group());
        String name = path.name() == null ? "" : path.name();
        String message = fault.message() != null ? fault.message() : switch (code) {
            case 403 -> resource + (name.isEmpty() ? "" : " \"" + name + "\"") + " is forbidden: User "
                    + "\"ferry-sandbox-user\" cannot " + verb(seen.method(), path) + " resource \""
                    + path.plural() + "\" in API group \"" + (path.group() == null ? "" : path.group()) + "\""
                    + (path.namespace() == null ? " at the cluster scope" : " in the namespace \""
                    + path.namespace() + "\"");
            case 404 -> resource + " \"" + name + "\" not found";
            case 409 -> "Operation cannot be fulfilled on " + resource + " \"" + name + "\": the object has been "
                    + "modified; please apply your changes to the latest version and try again";
            case 429 -> "Too many requests, please try again later.";
            case 503 -> "the server is currently unable to handle the request (" + verb(seen.method(), path) + " "
                    + resource + (name.isEmpty() ? "" : " " + name) + ")";
            case 504 -> "the server was unable to return a response in the time allotted, but may still be "
                    + "processing the request (" + verb(seen.method(), path) + " " + resource + " " + name + ")";
            default -> "Internal error occurred: injected fault on " + seen.method() + " " + seen.path();
        };
        ObjectNode details = JsonNodeFactory.instance.objectNode();
        if (!name.isEmpty()) {
            details.put("name", name);
        }
        if (path.group() != null && !path.group().isEmpty()) {
            details.put("group", path.group());
        }
        if (path.plural() != null) {
            details.put("kind", path.plural());
        }
        long retryAfter = 0;
        if (code == 429) {
            retryAfter = Math.max(1, (fault.duration().toMillis() + 999) / 1000);
            details.put("retryAfterSeconds", retryAfter);
        }
        MockResponse response = status(new ApiException(code, reason, message, details));
        return retryAfter > 0 ? response.setHeader("Retry-After", retryAfter) : response;
    }

    private Optional<MockResponse> plainPath(ApiPath path) {
        return switch (path.path()) {
            case "/", "" -> Optional.of(json(200, discovery.root()));
            case "/healthz", "/livez", "/readyz" -> Optional.of(new MockResponse().setResponseCode(200)
                    .setHeader("Content-Type", "text/plain; charset=utf-8").setBody("ok"));
            default -> Optional.empty();
        };
    }

    private MockResponse resource(RecordedRequest request, SandboxRequest seen, ApiPath path) {
        ResourceType type = catalog.byPlural(path.group(), path.version(), path.plural())
                .orElseThrow(ApiException::noSuchResource);
        if (path.namespace() != null && !type.namespaced()) {
            throw ApiException.noSuchResource();
        }
        String sub = path.subresource();
        if (sub != null && !(sub.equals("status") && type.hasStatus()) && !sub.equals("scale")
                && !(sub.equals("finalize") && type.kind().equals("Namespace"))) {
            throw ApiException.noSuchResource();
        }
        if ("scale".equals(sub) && !type.group().equals("apps")) {
            throw ApiException.noSuchResource();
        }
        String manager = path.param("fieldManager").orElseGet(() -> managerFromAgent(request));
        Write write = new Write(type, path.namespace(), path.name(), manager, path.dryRun() || dryRunInBody(seen),
                FieldValidation.of(path.param("fieldValidation").orElse(null)),
                path.param("force").map(Boolean::parseBoolean).orElse(false));
        String method = seen.method();
        if (path.name() == null && !method.equals("GET") && !method.equals("POST") && !method.equals("DELETE")) {
            throw ApiException.methodNotAllowed(method);
        }
        boolean statusOnly = "status".equals(sub);
        return switch (method) {
            case "GET", "HEAD" -> read(request, path, type, write);
            case "POST" -> {
                if (path.name() != null) {
                    throw ApiException.methodNotAllowed(method);
                }
                yield respond(writes.create(write, parseJson(seen.body())));
            }
            case "PUT" -> "scale".equals(sub)
                    ? respond(writes.scale(write, scale -> (ObjectNode) parseJson(seen.body())))
                    : respond(writes.update(write, parseJson(seen.body()), statusOnly));
            case "PATCH" -> patch(seen, write, sub);
            case "DELETE" -> path.name() == null
                    ? respond(writes.deleteCollection(write, request.getPath()))
                    : respond(writes.delete(write));
            default -> throw ApiException.methodNotAllowed(method);
        };
    }

    private MockResponse patch(SandboxRequest seen, Write write, String sub) {
        String contentType = seen.contentType().split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (contentType.equals("application/apply-patch+yaml")) {
            if (sub != null) {
                throw ApiException.methodNotAllowed("apply on the " + sub + " subresource");
            }
            return respond(writes.apply(write, parseYaml(seen.body())));
        }
        JsonNode patch = parseJson(seen.body());
        if ("scale".equals(sub)) {
            return respond(writes.scale(write, scale -> switch (contentType) {
                case "application/json-patch+json" -> Patches.jsonPatch(scale, patch, write.type(), write.name());
                default -> (ObjectNode) Patches.mergePatch(scale, patch);
            }));
        }
        return respond(writes.patch(write, contentType, patch, "status".equals(sub)));
    }

    private MockResponse read(RecordedRequest request, ApiPath path, ResourceType type, Write write) {
        if ("scale".equals(path.subresource())) {
            return respond(writes.scale(write, null));
        }
        boolean table = wantsTable(request);
        String includeObject = path.param("includeObject").orElse(null);
        if (path.name() != null && !path.watch()) {
            // one object (or its status): from the store's index, as a real server answers both
            ObjectNode object = store.get(type, path.namespace(), path.name())
                    .orElseThrow(() -> ApiException.notFound(type, path.name()));
            return json(200, table ? TableRenderer.table(type, List.of(object),
                    object.path("metadata").path("resourceVersion").asText(null), includeObject) : object);
        }
        MockResponse response = store.read(request);
        if (response.getWebSocketListener() != null) {
            return table ? response.withWebSocketUpgrade(new TableWatchListener(response.getWebSocketListener(), type,
                    includeObject)) : response;
        }
        if (response.code() == 200 && path.name() == null) {
            ObjectNode list = ListPager.page(ObjectStore.parse(response), path);
            if (table) {
                List<JsonNode> items = new ArrayList<>();
                list.path("items").forEach(items::add);
                ObjectNode rendered = TableRenderer.table(type, items,
                        list.path("metadata").path("resourceVersion").asText(null), includeObject);
                ((ObjectNode) rendered.path("metadata")).setAll((ObjectNode) list.path("metadata"));
                ((ObjectNode) rendered.path("metadata")).remove("selfLink");
                return json(200, rendered);
            }
            list.put("kind", type.kind() + "List").put("apiVersion", type.apiVersion());
            ((ObjectNode) list.path("metadata")).remove("selfLink");
            return json(200, list);
        }
        return response.setHeader("Content-Type", "application/json");
    }

    /** kubectl asks for server-side printing with {@code Accept: application/json;as=Table;v=v1;g=meta.k8s.io}. */
    private static boolean wantsTable(RecordedRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("as=Table");
    }

    /** kubectl puts {@code dryRun} of a delete into the DeleteOptions body rather than the query. */
    private static boolean dryRunInBody(SandboxRequest seen) {
        if (!seen.method().equals("DELETE") || seen.body().isBlank()) {
            return false;
        }
        try {
            return !ObjectStore.JSON.readTree(seen.body()).path("dryRun").isEmpty();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return false;
        }
    }

    private static String managerFromAgent(RecordedRequest request) {
        String agent = request.getHeader("User-Agent");
        if (agent == null || agent.isBlank()) {
            return "unknown";
        }
        int slash = agent.indexOf('/');
        return slash > 0 ? agent.substring(0, slash) : agent;
    }

    private static String verb(String method, ApiPath path) {
        return switch (method) {
            case "GET" -> path.name() == null ? (path.watch() ? "watch" : "list") : "get";
            case "POST" -> "create";
            case "PUT" -> "update";
            case "PATCH" -> "patch";
            case "DELETE" -> path.name() == null ? "deletecollection" : "delete";
            default -> method.toLowerCase(Locale.ROOT);
        };
    }

    private static JsonNode parseJson(String body) {
        try {
            return ObjectStore.JSON.readTree(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ApiException.badRequest("the body of the request could not be decoded as JSON: "
                    + e.getOriginalMessage());
        }
    }

    private static JsonNode parseYaml(String body) {
        try {
            return YAML.readTree(body);
        } catch (IOException e) {
            throw ApiException.badRequest("the body of the request could not be decoded as YAML: " + e.getMessage());
        }
    }

    private static MockResponse respond(ApiResponse response) {
        MockResponse mock = json(response.code(), response.body());
        response.warnings().forEach(warning -> mock.addHeader("Warning", "299 - \"" + warning.replace("\"", "\\\"")
                + "\""));
        return mock;
    }

    static MockResponse status(ApiException e) {
        return json(e.code(), e.toStatus());
    }

    static MockResponse json(int code, JsonNode body) {
        return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json")
                .setBody(ObjectStore.toJson(body));
    }
}
