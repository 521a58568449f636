package dev.ferry.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Optional;
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
        if (!type.group().isEmpty() || !type.kind().equals("PersistentVolumeClaim")) {
            return;
        }
        String volume = removed.path("spec").path("volumeName").asText("");
        ResourceType volumes = catalog.byKind("v1", "PersistentVolume").orElseThrow();
        if (!volume.isEmpty()) {
            store.get(volumes, null, volume)
                    .filter(pv -> !pv.path("spec").path("persistentVolumeReclaimPolicy").asText().equals("Retain"))
                    .ifPresent(pv -> writes.remove(volumes, pv));
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
                bind(type, live);
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

    /** Provisions a volume for the claim (as its StorageClass's CSI driver would) and binds the two. */
    private void bind(ResourceType claims, ObjectNode claim) {
        ResourceType volumes = catalog.byKind("v1", "PersistentVolume").orElseThrow();
        ResourceType classes = catalog.byKind("storage.k8s.io/v1", "StorageClass").orElseThrow();
        JsonNode spec = claim.path("spec");
        String className = spec.path("storageClassName").asText("");
        Optional<ObjectNode> storageClass = className.isEmpty()
                ? store.list(classes, null).stream().filter(sc -> sc.path("metadata").path("annotations")
                        .path("storageclass.kubernetes.io/is-default-class").asText().equals("true")).findFirst()
                : store.get(classes, null, className);
        if (className.isEmpty() && storageClass.isPresent()) {
            className = storageClass.get().path("metadata").path("name").asText();
        }
        String driver = storageClass.map(sc -> sc.path("provisioner").asText()).orElse("csi.sandbox.ferry.dev");
        String uid = claim.path("metadata").path("uid").asText();
        String namespace = claim.path("metadata").path("namespace").asText();
        String claimName = claim.path("metadata").path("name").asText();
        String volumeName = spec.path("volumeName").asText("");
        if (volumeName.isEmpty()) {
            volumeName = "pvc-" + uid;
        }
        String storage = spec.path("resources").path("requests").path("storage").asText("1Gi");
        if (store.get(volumes, null, volumeName).isEmpty()) {
            ObjectNode volume = ObjectStore.JSON.createObjectNode().put("apiVersion", "v1")
                    .put("kind", "PersistentVolume");
            ObjectNode metadata = volume.putObject("metadata").put("name", volumeName);
            metadata.putObject("annotations").put("pv.kubernetes.io/provisioned-by", driver)
                    .put("volume.kubernetes.io/provisioner-deletion-secret-name", "")
                    .put("volume.kubernetes.io/provisioner-deletion-secret-namespace", "");
            metadata.putArray("finalizers").add("kubernetes.io/pv-protection");
            ObjectNode volumeSpec = volume.putObject("spec");
            volumeSpec.putObject("capacity").put("storage", storage);
            volumeSpec.set("accessModes", spec.path("accessModes").deepCopy());
            volumeSpec.putObject("claimRef").put("apiVersion", "v1").put("kind", "PersistentVolumeClaim")
                    .put("namespace", namespace).put("name", claimName).put("uid", uid)
                    .put("resourceVersion", claim.path("metadata").path("resourceVersion").asText());
            volumeSpec.putObject("csi").put("driver", driver).put("volumeHandle", volumeHandle(driver, volumeName));
            volumeSpec.put("persistentVolumeReclaimPolicy", storageClass
                    .map(sc -> sc.path("reclaimPolicy").asText("Delete")).orElse("Delete"));
            volumeSpec.put("storageClassName", className).put("volumeMode", spec.path("volumeMode").asText("Filesystem"));
            volume.putObject("status").put("phase", "Bound");
            // the finalizer would keep the volume after deletion (fabric8's store honours finalizers): leave it out
            metadata.remove("finalizers");
            writes.load(volumes, volume, CONTROLLER);
        }
        ObjectNode bound = claim.deepCopy();
        ManagedFields.child(bound, "spec").put("volumeName", volumeName);
        if (!className.isEmpty()) {
            ManagedFields.child(bound, "spec").put("storageClassName", className);
        }
        ManagedFields.child(ManagedFields.child(bound, "metadata"), "annotations")
                .put("pv.kubernetes.io/bind-completed", "yes").put("pv.kubernetes.io/bound-by-controller", "yes")
                .put("volume.beta.kubernetes.io/storage-provisioner", driver)
                .put("volume.kubernetes.io/storage-provisioner", driver);
        ObjectNode stored = writes.controllerWrite(claims, claim, bound, false, CONTROLLER);
        ObjectNode withStatus = stored.deepCopy();
        ObjectNode status = withStatus.putObject("status").put("phase", "Bound");
        status.set("accessModes", spec.path("accessModes").deepCopy());
        status.putObject("capacity").put("storage", storage);
        writes.controllerWrite(claims, stored, withStatus, true, CONTROLLER);
    }

    private static String volumeHandle(String driver, String volumeName) {
        return switch (driver) {
            case "disk.csi.azure.com" -> "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/"
                    + "mc_sandbox_westeurope/providers/Microsoft.Compute/disks/" + volumeName;
            case "file.csi.azure.com" -> "mc_sandbox_westeurope#sandboxfiles#" + volumeName + "###sandbox";
            case "ebs.csi.aws.com" -> "vol-0" + Integer.toHexString(volumeName.hashCode() & 0x7fffffff);
            default -> volumeName;
        };
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
