package dev.ferry.model.sanitize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Removes the fields the API server manages, which must not be carried to another cluster, and records the facts
 * among them that rules still need (a claim's bound volume, a Service's cluster IP).
 */
final class FieldStripper {

    private static final List<String> METADATA_FIELDS = List.of(
            "uid", "resourceVersion", "generation", "creationTimestamp", "deletionTimestamp",
            "deletionGracePeriodSeconds", "managedFields", "selfLink", "ownerReferences", "finalizers");

    private static final List<String> ANNOTATIONS = List.of(
            "kubectl.kubernetes.io/last-applied-configuration",
            "deployment.kubernetes.io/revision",
            "pv.kubernetes.io/bind-completed",
            "pv.kubernetes.io/bound-by-controller",
            "volume.beta.kubernetes.io/storage-provisioner",
            "volume.kubernetes.io/storage-provisioner",
            "volume.kubernetes.io/selected-node",
            "control-plane.alpha.kubernetes.io/leader");

    private FieldStripper() {
    }

    /** Strips {@code body} in place and returns what was observed before stripping. */
    static Map<String, String> strip(ObjectNode body) {
        Map<String, String> observed = new LinkedHashMap<>();
        String kind = body.path("kind").asText();
        JsonNode status = body.remove("status");
        ObjectNode metadata = body.path("metadata") instanceof ObjectNode m ? m : null;
        if (metadata != null) {
            // finalizers name controllers of the source cluster; carried, they could block deletion on the target
            metadata.remove(METADATA_FIELDS);
            if (metadata.path("annotations") instanceof ObjectNode annotations) {
                if (annotations.has("pv.kubernetes.io/bind-completed")) {
                    observed.put("bound", "true");
                }
                annotations.remove(ANNOTATIONS);
                if (annotations.isEmpty()) {
                    metadata.remove("annotations");
                }
            }
        }
        ObjectNode spec = body.path("spec") instanceof ObjectNode s ? s : null;
        if (spec == null) {
            return observed;
        }
        switch (kind) {
            case "PersistentVolumeClaim" -> {
                JsonNode volumeName = spec.remove("volumeName");
                if (volumeName != null && !volumeName.asText().isEmpty()) {
                    observed.put("volumeName", volumeName.asText());
                    observed.put("bound", "true");
                }
                if (status != null && "Bound".equals(status.path("phase").asText())) {
                    observed.put("bound", "true");
                }
            }
            case "Service" -> stripClusterIps(spec);
            case "Pod" -> spec.remove("nodeName");
            default -> {
            }
        }
        return observed;
    }

    private static void stripClusterIps(ObjectNode spec) {
        if (!"None".equals(spec.path("clusterIP").asText())) {
            spec.remove("clusterIP");
            spec.remove("clusterIPs");
        }
    }
}
