package dev.ferry.model.sanitize;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.model.KubeObject;
import dev.ferry.model.ResourceKey;
import java.util.Optional;
import java.util.Set;

/**
 * Decides which objects are not the workload's own and are therefore not migrated, each with its reason:
 * objects a controller owns, objects the API server or kubelet writes, system namespaces, and Nodes (which feed the
 * node-pool analysis instead).
 */
public final class ExclusionPolicy {

    private static final Set<String> RUNTIME_KINDS = Set.of(
            "Endpoints", "EndpointSlice", "Event", "Lease", "ControllerRevision", "ComponentStatus", "Binding",
            "TokenReview", "SelfSubjectReview", "SelfSubjectAccessReview", "SubjectAccessReview",
            "LocalSubjectAccessReview", "SelfSubjectRulesReview", "CertificateSigningRequest", "APIService");

    /** Why the object is excluded, or empty when it is migrated. */
    public Optional<String> reasonToExclude(KubeObject object) {
        ResourceKey key = object.key();
        String kind = key.kind();
        if (kind.equals("Node")) {
            return Optional.of("nodes are not migrated; they feed the node-pool analysis (autoscaling edge)");
        }
        if (RUNTIME_KINDS.contains(kind)) {
            return Optional.of(kind + " objects are written by the control plane; the target writes its own");
        }
        String namespaceReason = systemNamespaceReason(key);
        if (namespaceReason != null) {
            return Optional.of(namespaceReason);
        }
        JsonNode controller = controllerOwner(object);
        if (controller != null) {
            return Optional.of("owned by " + controller.path("kind").asText() + "/" + controller.path("name").asText()
                    + ", which recreates it on the target");
        }
        if (kind.equals("ConfigMap") && key.name().equals("kube-root-ca.crt")) {
            return Optional.of("the cluster's CA bundle, published into every namespace by the control plane");
        }
        if (kind.equals("Secret") && "kubernetes.io/service-account-token".equals(object.body().path("type").asText())) {
            return Optional.of("service-account token Secret; the target issues its own tokens");
        }
        if (kind.equals("PersistentVolume") && object.annotations().containsKey("pv.kubernetes.io/provisioned-by")
                && object.body().path("spec").has("claimRef")) {
            JsonNode claim = object.body().path("spec").path("claimRef");
            return Optional.of("dynamically provisioned for claim " + claim.path("namespace").asText() + "/"
                    + claim.path("name").asText() + "; the target's CSI driver provisions a new volume");
        }
        return Optional.empty();
    }

    private static String systemNamespaceReason(ResourceKey key) {
        String namespace = key.kind().equals("Namespace") ? key.name() : key.namespace();
        String reason = SystemNamespaces.REASONS.get(namespace);
        return reason == null ? null : "in `" + namespace + "`: " + reason;
    }

    private static JsonNode controllerOwner(KubeObject object) {
        for (JsonNode owner : object.body().path("metadata").path("ownerReferences")) {
            if (owner.path("controller").asBoolean(false)) {
                return owner;
            }
        }
        return null;
    }
}
