package dev.ferry.cluster.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Whether a live object is ready, the way {@code kubectl rollout status} and {@code kubectl wait} judge it:
 * Deployments, StatefulSets and DaemonSets rolled out (the controller saw the current generation and every replica
 * is updated and ready), Jobs complete, PVCs bound, LoadBalancer Services and Ingresses with an address, CRDs
 * established. Every other kind is ready once it exists.
 */
public final class Readiness {

    /** The verdict: ready, failed for good (a Job that failed), or still waiting, with what for. */
    public record State(boolean ready, boolean failed, String waitingFor) {

        static State isReady() {
            return new State(true, false, "");
        }

        static State waiting(String what) {
            return new State(false, false, what);
        }

        static State failed(String why) {
            return new State(false, true, why);
        }
    }

    private Readiness() {
    }

    /** True when Ferry waits for this kind at all. */
    public static boolean waitsFor(ObjectNode object) {
        String kind = object.path("kind").asText();
        return switch (kind) {
            case "Deployment", "StatefulSet", "DaemonSet", "Job", "PersistentVolumeClaim", "Ingress",
                 "CustomResourceDefinition" -> true;
            case "Service" -> "LoadBalancer".equals(object.path("spec").path("type").asText());
            default -> false;
        };
    }

    public static State of(ObjectNode live) {
        JsonNode spec = live.path("spec");
        JsonNode status = live.path("status");
        long generation = live.path("metadata").path("generation").asLong(0);
        long observed = status.path("observedGeneration").asLong(-1);
        return switch (live.path("kind").asText()) {
            case "Deployment" -> {
                long replicas = spec.path("replicas").asLong(1);
                if (observed < generation) {
                    yield State.waiting("the controller to see generation " + generation);
                }
                long updated = status.path("updatedReplicas").asLong(0);
                long total = status.path("replicas").asLong(0);
                long available = status.path("availableReplicas").asLong(0);
                if (updated < replicas) {
                    yield State.waiting(updated + " of " + replicas + " replicas updated");
                }
                if (total > updated) {
                    yield State.waiting((total - updated) + " old replicas to terminate");
                }
                if (available < updated) {
                    yield State.waiting(available + " of " + replicas + " replicas available");
                }
                yield State.isReady();
            }
            case "StatefulSet" -> {
                long replicas = spec.path("replicas").asLong(1);
                if (observed < generation) {
                    yield State.waiting("the controller to see generation " + generation);
                }
                long ready = status.path("readyReplicas").asLong(0);
                if (ready < replicas) {
                    yield State.waiting(ready + " of " + replicas + " replicas ready");
                }
                if (!"OnDelete".equals(spec.path("updateStrategy").path("type").asText())) {
                    long updated = status.path("updatedReplicas").asLong(replicas);
                    if (updated < replicas) {
                        yield State.waiting(updated + " of " + replicas + " replicas updated");
                    }
                }
                yield State.isReady();
            }
            case "DaemonSet" -> {
                if (observed < generation) {
                    yield State.waiting("the controller to see generation " + generation);
                }
                long desired = status.path("desiredNumberScheduled").asLong(0);
                long updated = status.path("updatedNumberScheduled").asLong(0);
                long available = status.path("numberAvailable").asLong(0);
                if (updated < desired) {
                    yield State.waiting(updated + " of " + desired + " pods updated");
                }
                if (available < desired) {
                    yield State.waiting(available + " of " + desired + " pods available");
                }
                yield State.isReady();
            }
            case "Job" -> {
                if (condition(status, "Failed")) {
                    yield State.failed("the Job failed: " + conditionMessage(status, "Failed"));
                }
                if (condition(status, "Complete")) {
                    yield State.isReady();
                }
                long completions = spec.path("completions").asLong(1);
                yield State.waiting(status.path("succeeded").asLong(0) + " of " + completions + " completions");
            }
            case "PersistentVolumeClaim" -> "Bound".equals(status.path("phase").asText()) ? State.isReady()
                    : State.waiting("the claim to be bound (now " + status.path("phase").asText("Pending") + ")");
            case "Service" -> !"LoadBalancer".equals(spec.path("type").asText())
                    || status.path("loadBalancer").path("ingress").size() > 0 ? State.isReady()
                    : State.waiting("a load balancer address");
            case "Ingress" -> status.path("loadBalancer").path("ingress").size() > 0 ? State.isReady()
                    : State.waiting("an address from the ingress controller");
            case "CustomResourceDefinition" -> condition(status, "Established") ? State.isReady()
                    : State.waiting("the CRD to be established");
            default -> State.isReady();
        };
    }

    private static boolean condition(JsonNode status, String type) {
        for (JsonNode condition : status.path("conditions")) {
            if (type.equals(condition.path("type").asText()) && "True".equals(condition.path("status").asText())) {
                return true;
            }
        }
        return false;
    }

    private static String conditionMessage(JsonNode status, String type) {
        for (JsonNode condition : status.path("conditions")) {
            if (type.equals(condition.path("type").asText())) {
                return condition.path("message").asText(condition.path("reason").asText(""));
            }
        }
        return "";
    }
}
