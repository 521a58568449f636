package dev.ferry.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays the controllers a readiness check waits for, after a delay: Deployments and StatefulSets report all replicas
 * ready for their generation, DaemonSets one ready pod per matching node, Jobs complete, claims bind to a volume it
 * provisions, LoadBalancer Services and Ingresses get an address. A deleted claim takes its volume with it unless
 * the volume is retained. Nothing else is simulated: there are no Pods.
 */
final class ReadinessSimulator implements ObjectListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReadinessSimulator.class);
    private static final String CONTROLLER = "kube-controller-manager";
    private static final Set<String> WATCHED = Set.of("apps/Deployment", "apps/StatefulSet", "apps/DaemonSet",
            "batch/Job", "/PersistentVolumeClaim", "/Service", "networking.k8s.io/Ingress");

    private final ResourceCatalog catalog;
    private final ObjectStore store;
    private final WriteHandler writes;
    private final Duration delay;
    private final VolumeBinder volumes;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "ferry-sandbox-readiness");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final AtomicInteger publicAddresses = new AtomicInteger(10);
    private final AtomicInteger privateAddresses = new AtomicInteger(10);

    ReadinessSimulator(ResourceCatalog catalog, ObjectStore store, WriteHandler writes, Duration delay) {
        this.catalog = catalog;
        this.store = store;
        this.writes = writes;
        this.delay = delay;
        this.volumes = new VolumeBinder(catalog, store, writes);
    }

    @Override
    public void written(ResourceType type, ObjectNode stored) {
        if (!WATCHED.contains(type.group() + "/" + type.kind()) || settled(type, stored)) {
            return;
        }
        JsonNode metadata = stored.path("metadata");
        String namespace = metadata.path("namespace").asText(null);
        String name = metadata.path("name").asText();
        String key = type.apiVersion() + "/" + type.kind() + "/" + namespace + "/" + name;
        if (pending.add(key)) {
            try {
                executor.schedule(() -> {
                    pending.remove(key);
                    reconcile(type, namespace, name);
                }, delay.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                pending.remove(key);
            }
        }
    }

    @Override
    public void deleted(ResourceType type, ObjectNode removed) {
        if (type.group().isEmpty() && type.kind().equals("PersistentVolumeClaim")) {
            volumes.release(removed);
        }
    }

    private void reconcile(ResourceType type, String namespace, String name) {
        try {
            store.atomically(() -> {
                store.get(type, namespace, name).ifPresent(live -> {
                    if (!settled(type, live)) {
                        settle(type, live);
                    }
                });
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warn("The readiness simulator could not settle {} {}/{}", type.kind(), namespace, name, e);
        }
    }

    private boolean settled(ResourceType type, ObjectNode object) {
        JsonNode status = object.path("status");
        long generation = object.path("metadata").path("generation").asLong(1);
        return switch (type.kind()) {
            case "Deployment", "StatefulSet" -> status.path("observedGeneration").asLong(-1) == generation
                    && status.path("readyReplicas").asInt(0) == replicas(object)
                    && status.path("updatedReplicas").asInt(0) == replicas(object);
            case "DaemonSet" -> status.path("observedGeneration").asLong(-1) == generation
                    && status.path("numberReady").asInt(-1) == desiredDaemons(object);
            case "Job" -> object.path("spec").path("suspend").asBoolean(false) || hasCondition(status, "Complete")
                    || hasCondition(status, "Failed");
            case "PersistentVolumeClaim" -> status.path("phase").asText().equals("Bound");
            case "Service" -> !object.path("spec").path("type").asText().equals("LoadBalancer")
                    || !status.path("loadBalancer").path("ingress").isEmpty();
            case "Ingress" -> !status.path("loadBalancer").path("ingress").isEmpty();
            default -> true;
        };
    }

    private void settle(ResourceType type, ObjectNode live) {
        ObjectNode result = live.deepCopy();
        ObjectNode status = result.putObject("status");
        long generation = live.path("metadata").path("generation").asLong(1);
        switch (type.kind()) {
            case "Deployment" -> {
                int replicas = replicas(live);
                status.put("observedGeneration", generation);
                counts(status, replicas, "replicas", "updatedReplicas", "readyReplicas", "availableReplicas");
                ArrayNode conditions = status.putArray("conditions");
                condition(conditions, "Available", "MinimumReplicasAvailable", "Deployment has minimum availability.");
                condition(conditions, "Progressing", "NewReplicaSetAvailable", "ReplicaSet \""
                        + live.path("metadata").path("name").asText() + "-" + revision(live).substring(0, 10)
                        + "\" has successfully progressed.");
            }
            case "StatefulSet" -> {
                int replicas = replicas(live);
                status.put("observedGeneration", generation).put("replicas", replicas);
                counts(status, replicas, "readyReplicas", "currentReplicas", "updatedReplicas", "availableReplicas");
                String revision = live.path("metadata").path("name").asText() + "-" + revision(live).substring(0, 10);
                status.put("currentRevision", revision).put("updateRevision", revision).put("collisionCount", 0);
                condition(status.putArray("conditions"), "Available", "AllReplicasReady",
                        "All replicas are ready.");
            }
            case "DaemonSet" -> {
                int desired = desiredDaemons(live);
                status.put("currentNumberScheduled", desired).put("desiredNumberScheduled", desired)
                        .put("numberMisscheduled", 0).put("numberReady", desired).put("observedGeneration", generation)
                        .put("updatedNumberScheduled", desired).put("numberAvailable", desired);
            }
            case "Job" -> {
                String now = ManagedFields.now();
                status.put("startTime", live.path("status").path("startTime").asText(now))
                        .put("completionTime", now)
                        .put("succeeded", live.path("spec").path("completions").asInt(1)).put("ready", 0)
                        .put("terminating", 0);
                status.putObject("uncountedTerminatedPods");
                condition(status.putArray("conditions"), "Complete", null, null);
            }
            case "PersistentVolumeClaim" -> {
                volumes.bind(type, live);
                return;
            }
            case "Service", "Ingress" -> status.putObject("loadBalancer").putArray("ingress").addObject()
                    .put("ip", address(live)).put("ipMode", "VIP");
            default -> {
                return;
            }
        }
        if (type.kind().equals("Ingress")) {
            ((ObjectNode) status.path("loadBalancer").path("ingress").get(0)).remove("ipMode");
        }
        writes.controllerWrite(type, live, result, true, CONTROLLER);
    }

    private String address(ObjectNode object) {
        JsonNode annotations = object.path("metadata").path("annotations");
        String requested = object.path("spec").path("loadBalancerIP").asText("");
        if (!requested.isEmpty()) {
            return requested;
        }
        boolean internal = annotations.path("service.beta.kubernetes.io/azure-load-balancer-internal").asText()
                .equals("true")
                || annotations.path("appgw.ingress.kubernetes.io/use-private-ip").asText().equals("true")
                || annotations.path("service.beta.kubernetes.io/aws-load-balancer-internal").asText().equals("true")
                || annotations.path("service.beta.kubernetes.io/aws-load-balancer-scheme").asText().equals("internal")
                || annotations.path("alb.ingress.kubernetes.io/scheme").asText().equals("internal");
        if (internal) {
            int n = privateAddresses.getAndIncrement();
            return "10.224." + (100 + n / 250) + "." + (n % 250 + 1);
        }
        int n = publicAddresses.getAndIncrement();
        return "20.103." + (n / 250) % 256 + "." + (n % 250 + 1);
    }

    private int desiredDaemons(ObjectNode daemonSet) {
        ResourceType nodes = catalog.byKind("v1", "Node").orElseThrow();
        JsonNode selector = daemonSet.path("spec").path("template").path("spec").path("nodeSelector");
        var all = store.list(nodes, null);
        if (all.isEmpty()) {
            return 1;
        }
        return (int) all.stream().filter(node -> {
            JsonNode labels = node.path("metadata").path("labels");
            for (var entry : selector.properties()) {
                if (!labels.path(entry.getKey()).asText().equals(entry.getValue().asText())) {
                    return false;
                }
            }
            return true;
        }).count();
    }

    private static int replicas(ObjectNode object) {
        return object.path("spec").path("replicas").asInt(1);
    }

    private static String revision(ObjectNode object) {
        int hash = object.path("spec").path("template").hashCode();
        return String.format("%08x%02x", hash, Math.abs(hash % 251));
    }

    private static void counts(ObjectNode status, int value, String... fields) {
        for (String field : fields) {
            if (value > 0) {
                status.put(field, value);
            }
        }
    }

    private static void condition(ArrayNode conditions, String type, String reason, String message) {
        String now = ManagedFields.now();
        ObjectNode condition = conditions.addObject().put("type", type).put("status", "True");
        if (reason != null) {
            condition.put("reason", reason).put("message", message);
        }
        condition.put("lastTransitionTime", now);
        if (type.equals("Available") || type.equals("Progressing")) {
            condition.put("lastUpdateTime", now);
        }
    }

    private static boolean hasCondition(JsonNode status, String type) {
        for (JsonNode condition : status.path("conditions")) {
            if (condition.path("type").asText().equals(type) && condition.path("status").asText().equals("True")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
