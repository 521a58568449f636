package dev.ferry.engine.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.model.KubeObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the pod template inside workload objects: Deployments, StatefulSets, DaemonSets, ReplicaSets, Jobs,
 * CronJobs, ReplicationControllers, Argo Rollouts and bare Pods.
 */
public final class PodTemplates {

    /** The three container lists of a pod spec, each a JSON array of containers. */
    public static final List<String> CONTAINER_LISTS = List.of("initContainers", "containers", "ephemeralContainers");

    private PodTemplates() {
    }

    /** Pointer of the pod template's {@code metadata} (for a Pod, the Pod's own metadata). */
    public static Optional<String> metadataPointer(KubeObject object) {
        return specPointer(object).map(spec -> spec.equals("/spec")
                ? "/metadata"
                : spec.substring(0, spec.length() - "/spec".length()) + "/metadata");
    }

    /** Pointer of the pod spec, when the object has one. */
    public static Optional<String> specPointer(KubeObject object) {
        String pointer = switch (object.kind()) {
            case "Pod" -> "/spec";
            case "PodTemplate" -> "/template/spec";
            case "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "ReplicationController", "Rollout" ->
                    "/spec/template/spec";
            case "CronJob" -> "/spec/jobTemplate/spec/template/spec";
            default -> null;
        };
        if (pointer == null || !object.at(pointer).isObject()) {
            return Optional.empty();
        }
        return Optional.of(pointer);
    }

    public static boolean hasPodSpec(KubeObject object) {
        return specPointer(object).isPresent();
    }

    /** A container with the pointer it lives at. */
    public record ContainerRef(String pointer, String list, JsonNode container) {
        public String name() {
            return container.path("name").asText();
        }

        public String image() {
            return container.path("image").asText("");
        }
    }

    /** Every init, regular and ephemeral container of the object's pod spec. */
    public static List<ContainerRef> containers(KubeObject object) {
        List<ContainerRef> refs = new ArrayList<>();
        specPointer(object).ifPresent(spec -> {
            JsonNode podSpec = object.at(spec);
            for (String list : CONTAINER_LISTS) {
                JsonNode containers = podSpec.path(list);
                for (int i = 0; i < containers.size(); i++) {
                    refs.add(new ContainerRef(spec + "/" + list + "/" + i, list, containers.get(i)));
                }
            }
        });
        return refs;
    }
}
