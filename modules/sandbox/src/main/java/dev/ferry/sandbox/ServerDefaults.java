package dev.ferry.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a real API server fills in on a write, kept to what clients observe: Secret {@code stringData} folded into
 * {@code data}, a Namespace's name label and phase, a Service's cluster IP, the empty load-balancer status of
 * Services and Ingresses, a new claim's Pending phase, and an established CustomResourceDefinition.
 */
final class ServerDefaults {

    private final AtomicInteger nextClusterIp = new AtomicInteger(16);

    /** Applied to every stored version of an object. */
    void onWrite(ResourceType type, ObjectNode object, JsonNode live) {
        if (type.group().isEmpty() && type.kind().equals("Secret")) {
            foldStringData(object);
        }
        if (type.group().isEmpty() && type.kind().equals("Service") && live != null) {
            ObjectNode spec = ManagedFields.child(object, "spec");
            for (String field : new String[] {"clusterIP", "clusterIPs"}) {
                if (!spec.has(field) && live.path("spec").has(field)) {
                    spec.set(field, live.path("spec").get(field).deepCopy());
                }
            }
        }
    }

    /** Applied once, when the object is created. */
    void onCreate(ResourceType type, ObjectNode object) {
        String name = object.path("metadata").path("name").asText();
        if (type.group().isEmpty()) {
            switch (type.kind()) {
                case "Namespace" -> {
                    ManagedFields.child(ManagedFields.child(object, "metadata"), "labels")
                            .put("kubernetes.io/metadata.name", name);
                    ManagedFields.child(object, "spec").putArray("finalizers").add("kubernetes");
                    ManagedFields.child(object, "status").put("phase", "Active");
                }
                case "Service" -> {
                    assignClusterIp(object);
                    ManagedFields.child(ManagedFields.child(object, "status"), "loadBalancer");
                }
                case "PersistentVolumeClaim" -> ManagedFields.child(object, "status").put("phase", "Pending");
                default -> {
                }
            }
        }
        if (type.kind().equals("CustomResourceDefinition")) {
            establish(object);
        }
        if (type.group().equals("networking.k8s.io") && type.kind().equals("Ingress")) {
            ManagedFields.child(ManagedFields.child(object, "status"), "loadBalancer");
        }
    }

    private void assignClusterIp(ObjectNode service) {
        ObjectNode spec = ManagedFields.child(service, "spec");
        if (spec.path("type").asText("").equals("ExternalName") || spec.path("clusterIP").asText("").equals("None")
                || spec.hasNonNull("clusterIP") && !spec.path("clusterIP").asText().isEmpty()) {
            return;
        }
        int n = nextClusterIp.getAndIncrement();
        String ip = "10.0." + (n / 250) % 256 + "." + (n % 250 + 1);
        spec.put("clusterIP", ip);
        spec.putArray("clusterIPs").add(ip);
    }

    private static void foldStringData(ObjectNode secret) {
        JsonNode stringData = secret.remove("stringData");
        if (stringData == null || !stringData.isObject()) {
            return;
        }
        ObjectNode data = ManagedFields.child(secret, "data");
        stringData.properties().forEach(entry -> data.put(entry.getKey(), Base64.getEncoder()
                .encodeToString(entry.getValue().asText().getBytes(StandardCharsets.UTF_8))));
    }

    private static void establish(ObjectNode crd) {
        ObjectNode status = ManagedFields.child(crd, "status");
        status.set("acceptedNames", crd.path("spec").path("names").deepCopy());
        ArrayNode conditions = status.putArray("conditions");
        String now = ManagedFields.now();
        conditions.addObject().put("type", "NamesAccepted").put("status", "True").put("reason", "NoConflicts")
                .put("message", "no conflicts found").put("lastTransitionTime", now);
        conditions.addObject().put("type", "Established").put("status", "True").put("reason", "InitialNamesAccepted")
                .put("message", "the initial names have been accepted").put("lastTransitionTime", now);
        ArrayNode stored = status.putArray("storedVersions");
        crd.path("spec").path("versions").forEach(v -> {
            if (v.path("storage").asBoolean(false)) {
                stored.add(v.path("name").asText());
            }
        });
    }
}
