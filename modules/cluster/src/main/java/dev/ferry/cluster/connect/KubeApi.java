package dev.ferry.cluster.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.cluster.connect.ClusterException.Reason;
import dev.ferry.model.ResourceKey;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that speaks HTTP to an API server, through the fabric8 client's HTTP stack (so authentication, TLS,
 * exec plugins and proxies are fabric8's). Each method is one attempt, with no hidden retries; every failure becomes a
 * {@link ClusterException} whose message names the context, the server, what was being done and the next step.
 * Request and response bodies are never logged.
 */
final class KubeApi implements AutoCloseable {

    static final String FIELD_MANAGER = "ferry";
    private static final Logger LOG = LoggerFactory.getLogger(KubeApi.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String APPLY_PATCH = "application/apply-patch+yaml";

    private final KubernetesClient client;
    private final HttpClient http;
    private final String base;
    private final String context;
    private final Duration requestTimeout;
    private final String execCommand;
    /** Group/kind → type; replaced whole after each discovery, so readers never see it half filled. */
    private volatile Map<String, ResourceType> typesByGroupKind = Map.of();
    /**
     * How many discoveries have finished: none on a fresh connection, and a thread that waited its turn can tell
     * another one discovered meanwhile.
     */
    private volatile int discoveries;
    /** Group → why its discovery document failed in a way worth asking again, as of the last discovery. */
    private volatile Map<String, ClusterException> transientGroupFailures = Map.of();

    KubeApi(KubernetesClient client, String context, Duration requestTimeout, String execCommand) {
        this.client = client;
        this.http = client.getHttpClient();
        String master = client.getMasterUrl().toString();
        this.base = master.endsWith("/") ? master.substring(0, master.length() - 1) : master;
        this.context = context;
        this.requestTimeout = requestTimeout;
        this.execCommand = execCommand;
    }

    String server() {
        return base;
    }

    String context() {
        return context;
    }

    /** The server's version, e.g. {@code v1.30.4}. */
    String version() throws ClusterException {
        JsonNode version = send("GET", "/version", Map.of(), null, null, "read the server version").body();
        String git = version.path("gitVersion").asText("");
        return git.isEmpty() ? version.path("major").asText("?") + "." + version.path("minor").asText("?") : git;
    }

    /** Reads {@code /api}, which needs an authenticated user (unlike {@code /version}). */
    void checkAuthenticated() throws ClusterException {
        send("GET", "/api", Map.of(), null, null, "check the credentials");
    }

    /**
     * Reads the target's discovery documents and replaces the type index. Callers take turns: the dry run asks for
     * types from several threads, and on a fresh connection they would each discover at once, the last to finish
     * deciding what the index holds.
     */
    synchronized Discovery discover() throws ClusterException {
        List<ResourceType> types = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        boolean transientFailures = false;
        Map<String, ClusterException> transientByGroup = new HashMap<>();
        Set<String> failedGroups = new HashSet<>();
        JsonNode core = send("GET", "/api/v1", Map.of(), null, null, "discover the core API").body();
        types.addAll(resources(core, "", "v1"));
        JsonNode groups = send("GET", "/apis", Map.of(), null, null, "discover the API groups").body();
        Map<String, CompletableFuture<Response>> pending = new LinkedHashMap<>();
        Map<String, String[]> groupVersions = new LinkedHashMap<>();
        for (JsonNode group : groups.path("groups")) {
            String name = group.path("name").asText();
            JsonNode preferred = group.path("preferredVersion");
            String version = preferred.path("version").asText("");
            if (version.isEmpty() && group.path("versions").size() > 0) {
                version = group.path("versions").get(0).path("version").asText();
            }
            if (version.isEmpty()) {
                continue;
            }
            String groupVersion = name + "/" + version;
            groupVersions.put(groupVersion, new String[] {name, version});
            pending.put(groupVersion, sendAsync(request("GET", "/apis/" + groupVersion, Map.of(), null, null)));
        }
        for (Map.Entry<String, CompletableFuture<Response>> entry : pending.entrySet()) {
            String groupVersion = entry.getKey();
            try {
                Response response = await(entry.getValue(), "discover " + groupVersion);
                if (response.status() >= 300) {
                    throw failure(response, "discover " + groupVersion);
                }
                String[] gv = groupVersions.get(groupVersion);
                types.addAll(resources(response.body(), gv[0], gv[1]));
            } catch (ClusterException e) {
                // an aggregated API that is down (metrics-server, for one) must not stop discovery of the rest
                LOG.warn("discovery of {} on {} failed: {}", groupVersion, context, e.getMessage());
                failures.add(groupVersion + ": " + e.getMessage());
                transientFailures |= e.retryable();
                failedGroups.add(groupVersions.get(groupVersion)[0]);
                if (e.retryable()) {
                    transientByGroup.put(groupVersions.get(groupVersion)[0], e);
                }
            }
        }
        Map<String, ResourceType> index = new HashMap<>();
        for (ResourceType type : types) {
            index.putIfAbsent(type.group() + "/" + type.kind(), type);
        }
        // to apply, what an earlier discovery learned of a group whose document failed now stays known: one failed
        // read is not a removal (the inventory, which lists what this discovery found, reports the failure instead)
        typesByGroupKind.forEach((groupKind, type) -> {
            if (failedGroups.contains(type.group())) {
                index.putIfAbsent(groupKind, type);
            }
        });
        typesByGroupKind = Map.copyOf(index);
        transientGroupFailures = Map.copyOf(transientByGroup);
        discoveries++;
        return new Discovery(types, failures, transientFailures);
    }

    private static List<ResourceType> resources(JsonNode list, String group, String version) {
        List<ResourceType> types = new ArrayList<>();
        for (JsonNode resource : list.path("resources")) {
            String plural = resource.path("name").asText("");
            if (plural.isEmpty() || plural.contains("/")) {
                continue; // subresources (status, scale, log...) are not objects of their own
            }
            Set<String> verbs = new HashSet<>();
            resource.path("verbs").forEach(v -> verbs.add(v.asText()));
            types.add(new ResourceType(group, version, resource.path("kind").asText(), plural,
                    resource.path("namespaced").asBoolean(false), verbs));
        }
        return types;
    }

    Optional<ResourceType> typeOf(String apiVersion, String kind) throws ClusterException {
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        int seen = discoveries;
        ResourceType type = typesByGroupKind.get(group + "/" + kind);
        if (type == null) {
            rediscoverUnlessDoneSince(seen);
            type = typesByGroupKind.get(group + "/" + kind);
        }
        return Optional.ofNullable(type);
    }

    ListPage list(ResourceType type, String namespace, int limit, String continueToken) throws ClusterException {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("limit", Integer.toString(limit));
        if (continueToken != null && !continueToken.isEmpty()) {
            query.put("continue", continueToken);
        }
        String where = namespace == null || namespace.isEmpty() ? "" : " in `" + namespace + "`";
        JsonNode body = send("GET", type.collectionPath(type.apiVersion(), namespace), query, null, null,
                "list " + type.plural() + where).body();
        List<ObjectNode> items = new ArrayList<>();
        for (JsonNode item : body.path("items")) {
            if (item instanceof ObjectNode object) {
                // items of built-in lists come without apiVersion and kind
                if (!object.hasNonNull("apiVersion")) {
                    object.put("apiVersion", type.apiVersion());
                }
                if (!object.hasNonNull("kind")) {
                    object.put("kind", type.kind());
                }
                items.add(object);
            }
        }
        return new ListPage(items, body.path("metadata").path("continue").asText(""));
    }

    Optional<ObjectNode> get(ResourceKey key) throws ClusterException {
        Response response = send("GET", objectPath(key), Map.of(), null, null, true, "read " + key);
        return response.status() == 404 ? Optional.empty() : Optional.of((ObjectNode) response.body());
    }

    ObjectNode apply(ObjectNode body, boolean dryRun) throws ClusterException {
        ResourceKey key = keyOf(body);
        Map<String, String> query = new LinkedHashMap<>();
        if (dryRun) {
            query.put("dryRun", "All");
        }
        query.put("fieldManager", FIELD_MANAGER);
        query.put("fieldValidation", "Strict");
        ObjectNode clean = body.deepCopy();
        if (clean.path("metadata") instanceof ObjectNode metadata) {
            metadata.remove(List.of("managedFields", "resourceVersion", "uid", "creationTimestamp", "generation"));
        }
        clean.remove("status");
        return (ObjectNode) send("PATCH", objectPath(key), query, APPLY_PATCH, bytes(clean), false,
                (dryRun ? "dry-run apply " : "apply ") + key).body();
    }

    ObjectNode replace(ObjectNode body) throws ClusterException {
        ResourceKey key = keyOf(body);
        return (ObjectNode) send("PUT", objectPath(key), Map.of("fieldManager", FIELD_MANAGER),
                "application/json", bytes(body), false, "restore " + key).body();
    }

    ObjectNode create(ObjectNode body) throws ClusterException {
        ResourceKey key = keyOf(body);
        ResourceType type = requireType(key);
        String path = type.collectionPath(key.apiVersion(), key.namespace());
        return (ObjectNode) send("POST", path, Map.of("fieldManager", FIELD_MANAGER), "application/json",
                bytes(body), false, "create " + key).body();
    }

    boolean delete(ResourceKey key) throws ClusterException {
        byte[] options = "{\"kind\":\"DeleteOptions\",\"apiVersion\":\"v1\",\"propagationPolicy\":\"Background\"}"
                .getBytes(StandardCharsets.UTF_8);
        Response response = send("DELETE", objectPath(key), Map.of(), "application/json", options, true,
                "delete " + key);
        return response.status() != 404;
    }

    private String objectPath(ResourceKey key) throws ClusterException {
        ResourceType type = requireType(key);
        if (type.namespaced() && key.namespace().isEmpty()) {
            throw new ClusterException(Reason.INVALID, key + " has no namespace, but " + type.kind()
                    + " is namespaced on `" + context + "`. Set metadata.namespace in the object.");
        }
        return type.collectionPath(key.apiVersion(), type.namespaced() ? key.namespace() : "") + "/"
                + segment(key.name());
    }

    /** Discovers again, unless another thread did while this one waited its turn: its answer is as fresh. */
    private synchronized void rediscoverUnlessDoneSince(int seen) throws ClusterException {
        if (discoveries == seen) {
            discover();
        }
    }

    private ResourceType requireType(ResourceKey key) throws ClusterException {
        // a fresh connection's first question discovers: nothing is known, and no discovery has been done yet
        Optional<ResourceType> type = typeOf(key.apiVersion(), key.kind());
        if (type.isPresent()) {
            return type.get();
        }
        ClusterException groupFailed = transientGroupFailures.get(key.group());
        if (groupFailed != null) {
            // not "not served": the group's discovery failed for a moment, so the caller's retries ask again
            throw new ClusterException(groupFailed.reason(), groupFailed.status(), groupFailed.serverMessage(),
                    groupFailed.retryAfter().orElse(null), "Cannot tell whether `" + context + "` serves "
                    + key.kind() + " (needed for " + key + "): " + groupFailed.getMessage(), groupFailed.getCause());
        }
        throw new ClusterException(Reason.NOT_FOUND, 404, "", null, "`" + context + "` (" + base
                + ") does not serve " + key.kind() + " in " + key.apiVersion() + ", needed for " + key
                + ". Install the CRD or the API it belongs to first, or leave the object out.", null);
    }

    private static ResourceKey keyOf(ObjectNode body) {
        JsonNode metadata = body.path("metadata");
        return ResourceKey.of(body.path("apiVersion").asText(), body.path("kind").asText(),
                metadata.path("namespace").asText(""), metadata.path("name").asText());
    }

    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    // ---------------------------------------------------------------- HTTP

    record Response(int status, JsonNode body, String retryAfter) {
    }

    private Response send(String method, String path, Map<String, String> query, String contentType, byte[] body,
                          String what) throws ClusterException {
        return send(method, path, query, contentType, body, false, what);
    }

    private Response send(String method, String path, Map<String, String> query, String contentType, byte[] body,
                          boolean allowNotFound, String what) throws ClusterException {
        Response response = await(sendAsync(request(method, path, query, contentType, body)), what);
        if (response.status() < 300 || allowNotFound && response.status() == 404) {
            return response;
        }
        throw failure(response, what);
    }

    private HttpRequest request(String method, String path, Map<String, String> query, String contentType,
                                byte[] body) {
        StringBuilder url = new StringBuilder(base).append(path);
        char separator = '?';
        for (Map.Entry<String, String> parameter : query.entrySet()) {
            url.append(separator).append(parameter.getKey()).append('=')
                    .append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        HttpRequest.Builder builder = http.newHttpRequestBuilder().uri(url.toString())
                .header("Accept", "application/json")
                .timeout(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
        if (body != null) {
            builder.method(method, contentType, new String(body, StandardCharsets.UTF_8));
        } else if (!method.equals("GET")) {
            builder.method(method, "application/json", "");
        }
        return builder.build();
    }

    private CompletableFuture<Response> sendAsync(HttpRequest request) {
        return http.sendAsync(request, byte[].class).thenApply(KubeApi::toResponse);
    }

    private static Response toResponse(HttpResponse<byte[]> response) {
        byte[] bytes = response.body();
        JsonNode body;
        try {
            body = bytes == null || bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes);
        } catch (IOException notJson) {
            body = JSON.createObjectNode().put("message", "(a response that is not JSON, HTTP " + response.code() + ")");
        }
        if (body == null || body.isMissingNode()) {
            body = JSON.createObjectNode();
        }
        return new Response(response.code(), body, response.header("Retry-After"));
    }

    private Response await(CompletableFuture<Response> future, String what) throws ClusterException {
        try {
            // the request carries its own timeout; this bound only guards against a stack that never answers
            return future.get(requestTimeout.toMillis() + 5_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new ClusterException(Reason.CANCELLED, "Interrupted while trying to " + what + " on `" + context
                    + "`.", e);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw timeout(what, e);
        } catch (ExecutionException e) {
            throw transportFailure(what, e.getCause() == null ? e : e.getCause());
        }
    }

    private ClusterException timeout(String what, Throwable cause) {
        return new ClusterException(Reason.TIMEOUT, 0, "", null, "Cannot " + what + " on `" + context + "` (" + base
                + "): no answer within " + requestTimeout.toSeconds() + " s. Check the server is healthy and "
                + "reachable, or try again later (apply resumes where it stopped).", cause);
    }

    private ClusterException transportFailure(String what, Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            String name = t.getClass().getName();
            if (t instanceof TimeoutException || name.contains("Timeout")) {
                return timeout(what, cause);
            }
            if (t instanceof SSLException) {
                return new ClusterException(Reason.UNREACHABLE, 0, "", null, "Cannot " + what + " on `" + context
                        + "` (" + base + "): the TLS handshake failed. Check the cluster's certificate authority in "
                        + "the kubeconfig, and any proxy in between.", cause);
            }
            if (t instanceof UnknownHostException) {
                return new ClusterException(Reason.UNREACHABLE, 0, "", null, "Cannot " + what + " on `" + context
                        + "`: the host of " + base + " is unknown here. Check your VPN or DNS, or switch context.",
                        cause);
            }
            if (t instanceof ConnectException) {
                return unreachable(what, cause, "the connection was refused");
            }
        }
        LOG.debug("request to {} failed: {}", context, cause.getClass().getName());
        return unreachable(what, cause, "the connection failed (" + cause.getClass().getSimpleName() + ")");
    }

    private ClusterException unreachable(String what, Throwable cause, String detail) {
        return new ClusterException(Reason.UNREACHABLE, 0, "", null, "Cannot " + what + " on `" + context + "` ("
                + base + "): " + detail + ". Check the server is up and reachable from here (VPN, proxy, firewall), "
                + "or switch context.", cause);
    }

    private ClusterException failure(Response response, String what) {
        int status = response.status();
        String serverMessage = response.body().path("message").asText("");
        Duration retryAfter = retryAfter(response.retryAfter());
        String where = "`" + context + "` (" + base + ")";
        String said = serverMessage.isEmpty() ? "" : ": " + serverMessage;
        Reason reason;
        String message;
        if (status == 401) {
            reason = Reason.UNAUTHORIZED;
            message = "Cannot " + what + " on " + where + ": the credentials were rejected (401). Log in again "
                    + "(`az aks get-credentials`, `aws eks update-kubeconfig`)"
                    + (execCommand.isEmpty() ? "" : " and check that `" + execCommand + "` runs and prints a token")
                    + ", or check the user of the context.";
        } else if (status == 403) {
            reason = Reason.FORBIDDEN;
            message = "Cannot " + what + " on " + where + ": forbidden (403)" + said
                    + ". Check the role bound to your user, or switch context.";
        } else if (status == 404) {
            reason = Reason.NOT_FOUND;
            message = "Cannot " + what + " on " + where + ": not found (404)" + said + ".";
        } else if (status == 409) {
            reason = Reason.CONFLICT;
            message = "Cannot " + what + " on " + where + ": conflict (409)" + said + ". Another client changed "
                    + "or owns these fields; resolve it on the cluster, then run again (apply resumes).";
        } else if (status == 410) {
            reason = Reason.GONE;
            message = "Cannot " + what + " on " + where + ": the list expired (410)" + said + ".";
        } else if (status == 400 || status == 422) {
            reason = Reason.INVALID;
            message = "The server rejected " + what.replaceFirst("^(dry-run apply|apply|create|restore) ", "")
                    + " on " + where + " (" + status + ")" + said + ". Fix the object and try again.";
        } else if (status == 429) {
            reason = Reason.THROTTLED;
            message = "Cannot " + what + " on " + where + ": the server is throttling requests (429)" + said
                    + ". Try again later.";
        } else if (status >= 500) {
            reason = Reason.SERVER_ERROR;
            message = "Cannot " + what + " on " + where + ": server error (" + status + ")" + said
                    + ". Check the cluster's health and try again.";
        } else {
            reason = Reason.OTHER;
            message = "Cannot " + what + " on " + where + ": HTTP " + status + said + ".";
        }
        return new ClusterException(reason, status, serverMessage, retryAfter, message, null);
    }

    private static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(header.trim()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
