package dev.ferry.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.model.KubeObject;
import dev.ferry.model.io.ManifestReader;
import dev.ferry.model.io.ManifestSet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated Kubernetes API server on loopback over plain HTTP, for trying Ferry without a cloud and for tests.
 *
 * <p>It is fabric8's CRUD mock server (objects, lists, label and field selectors, watches) behind Ferry's own
 * dispatcher, which adds what a client needs from a real server: discovery documents for the built-in kinds of a
 * v1.30 server and every stored CustomResourceDefinition; validation (kind served, name valid, namespace exists,
 * unknown fields under {@code fieldValidation=Strict}); {@code dryRun=All} that stores nothing; server-side apply with
 * field managers and conflicts; server-set metadata ({@code uid}, increasing {@code resourceVersion},
 * {@code generation} bumped on spec changes); a readiness simulator (workloads become ready, claims bind, load
 * balancers and ingresses get addresses after {@link SandboxOptions#readinessDelay()}); namespace deletion that
 * removes the namespace's objects; paging ({@code limit}/{@code continue}); watches over WebSocket (fabric8) or
 * streamed HTTP (kubectl); server-side printing for {@code kubectl get}; and errors as {@code Status} objects.
 * {@link #faults()} injects errors, delays and dropped connections, {@link #refuseConnections()} takes the server off
 * the network, and {@link #requests()} counts what clients sent.
 *
 * <p>It is not a real cluster: nothing runs, there are no Pods (so no logs, exec or port-forward), no RBAC and no
 * admission webhooks; validation stops at the checks above. Controllers that create objects (ReplicaSets, the
 * StatefulSet's claims, a namespace's {@code default} ServiceAccount and {@code kube-root-ca.crt}) are not simulated.
 *
 * <pre>{@code
 * try (SandboxServer sandbox = SandboxServer.start(SandboxOptions.defaults())) {
 *     sandbox.writeKubeconfig(dir.resolve("kubeconfig"), "sandbox");
 *     sandbox.load(DemoEstate.objects());
 *     ...
 * }
 * }</pre>
 */
public final class SandboxServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxServer.class);
    /** The field manager recorded on objects preloaded with {@link #load}. */
    public static final String LOAD_MANAGER = "ferry-sandbox-load";
    private static final List<String> SYSTEM_NAMESPACES = List.of("default", "kube-system", "kube-public",
            "kube-node-lease");

    private final SandboxOptions options;
    private final ResourceCatalog catalog = new ResourceCatalog();
    private final ObjectStore store = new ObjectStore();
    private final WriteHandler writes = new WriteHandler(catalog, store);
    private final FaultInjector faults = new FaultInjector();
    private final RequestLog requests = new RequestLog();
    private final ReadinessSimulator readiness;
    private HttpFrontend frontend;
    private int port;

    private SandboxServer(SandboxOptions options) {
        this.options = options;
        this.readiness = new ReadinessSimulator(catalog, store, writes, options.readinessDelay());
        writes.addListener(readiness);
    }

    /**
     * Starts a sandbox on 127.0.0.1 with the system namespaces ({@code default}, {@code kube-system},
     * {@code kube-public}, {@code kube-node-lease}) and nothing else.
     *
     * @throws SandboxException when the port cannot be bound
     */
    public static SandboxServer start(SandboxOptions options) throws SandboxException {
        SandboxServer server = new SandboxServer(options);
        try {
            server.open();
        } catch (SandboxException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    private void open() throws SandboxException {
        ResourceType namespaces = catalog.byKind("v1", "Namespace").orElseThrow();
        for (String name : SYSTEM_NAMESPACES) {
            ObjectNode namespace = ObjectStore.JSON.createObjectNode().put("apiVersion", "v1").put("kind", "Namespace");
            namespace.putObject("metadata").put("name", name);
            writes.load(namespaces, namespace, LOAD_MANAGER);
        }
        // discovery names the server address, which is known only once the port is bound
        SandboxDispatcher dispatcher = new SandboxDispatcher(catalog, store, writes, new DiscoveryResponder(catalog,
                () -> "127.0.0.1:" + port));
        frontend = new HttpFrontend(dispatcher, faults, requests);
        port = frontend.listen(options.port());
        LOG.info("Sandbox API server {} (simulated) listening on {}", options.name(), url());
    }

    /** The name used for the cluster and user in kubeconfigs. */
    public String name() {
        return options.name();
    }

    /** {@code http://127.0.0.1:PORT}. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** A kubeconfig (YAML) with this server as its cluster and {@code contextName} as its current context. */
    public String kubeconfig(String contextName) {
        return Kubeconfigs.text(url(), options.name(), contextName);
    }

    /** Writes {@link #kubeconfig(String)} to a file atomically (temporary file, then move); returns its path. */
    public Path writeKubeconfig(Path file, String contextName) throws IOException {
        return Kubeconfigs.write(file, kubeconfig(contextName));
    }

    /**
     * Preloads objects as if applied through the API by {@link #LOAD_MANAGER}: Namespaces first, then
     * CustomResourceDefinitions, then everything else in the given order. An object that exists is updated.
     * Status is kept as given (Nodes, for example); workloads without status are made ready by the readiness
     * simulator. Server-set metadata in the input is ignored.
     *
     * @throws SandboxException naming the first object that cannot be stored (unknown kind, missing namespace,
     *                          invalid name) and why; the objects before it stay loaded
     */
    public void load(List<? extends JsonNode> objects) throws SandboxException {
        List<JsonNode> ordered = new ArrayList<>(objects);
        ordered.sort(Comparator.comparingInt(SandboxServer::loadRank));
        for (JsonNode object : ordered) {
            String apiVersion = object.path("apiVersion").asText();
            String kind = object.path("kind").asText();
            String described = describe(object);
            if (!object.isObject()) {
                throw new SandboxException("Cannot load " + described + " into sandbox " + name()
                        + ": it is not an object.");
            }
            ResourceType type = catalog.byKind(apiVersion, kind).orElseThrow(() -> new SandboxException(
                    "Cannot load " + described + " into sandbox " + name() + ": the server does not serve " + kind
                            + " in " + apiVersion + ". Load its CustomResourceDefinition first."));
            ObjectNode copy = ((ObjectNode) object).deepCopy();
            ObjectNode metadata = ManagedFields.child(copy, "metadata");
            if (type.namespaced() && metadata.path("namespace").asText("").isEmpty()) {
                metadata.put("namespace", "default");
            }
            try {
                writes.load(type, copy, LOAD_MANAGER);
            } catch (ApiException e) {
                throw new SandboxException("Cannot load " + described + " into sandbox " + name() + ": "
                        + e.getMessage() + (e.code() == 404 ? ". Include its Namespace in what you load." : ""), e);
            }
        }
    }

    /** Preloads the objects of YAML or JSON text (multi-document, {@code kind: List} accepted). */
    public void loadYaml(String name, String text) throws SandboxException {
        load(objectsOf(new ManifestReader().readText(name, text)));
    }

    /** Preloads the objects of YAML/JSON files or folders of them. */
    public void loadFiles(List<Path> inputs) throws SandboxException {
        load(objectsOf(new ManifestReader().read(inputs)));
    }

    /**
     * Closes the listening socket and every open connection, so clients get "connection refused" as from a server
     * that went away; the objects stay. {@link #acceptConnections()} listens again on the same port.
     */
    public void refuseConnections() {
        frontend.stopListening();
        LOG.info("Sandbox API server {} refuses connections", options.name());
    }

    /**
     * Listens again on the same port after {@link #refuseConnections()}; does nothing while listening.
     *
     * @throws SandboxException when something else took the port meanwhile
     */
    public void acceptConnections() throws SandboxException {
        if (frontend.listening()) {
            return;
        }
        frontend.listen(port);
        LOG.info("Sandbox API server {} accepts connections again on {}", options.name(), url());
    }

    /** The fault injector of this server: faults apply to requests from the next one on. */
    public FaultInjector faults() {
        return faults;
    }

    /** Every request this server answered. */
    public RequestLog requests() {
        return requests;
    }

    /** Stops the readiness simulator and the HTTP server; open watches are closed. */
    @Override
    public void close() {
        readiness.close();
        if (frontend != null) {
            frontend.close();
            LOG.info("Sandbox API server {} stopped", options.name());
        }
    }

    private static List<JsonNode> objectsOf(ManifestSet set) throws SandboxException {
        if (!set.problems().isEmpty()) {
            throw new SandboxException("Cannot load into the sandbox: " + set.problems().get(0)
                    + (set.problems().size() > 1 ? " (and " + (set.problems().size() - 1) + " more problems)" : ""));
        }
        return set.objects().stream().map(KubeObject::body).map(JsonNode.class::cast).toList();
    }

    private static int loadRank(JsonNode object) {
        String kind = object.path("kind").asText();
        if (kind.equals("Namespace")) {
            return 0;
        }
        return kind.equals("CustomResourceDefinition") ? 1 : 2;
    }

    private static String describe(JsonNode object) {
        JsonNode metadata = object.path("metadata");
        String namespace = metadata.path("namespace").asText("");
        return object.path("kind").asText("object") + " " + (namespace.isEmpty() ? "" : namespace + "/")
                + metadata.path("name").asText("(no name)");
    }
}
