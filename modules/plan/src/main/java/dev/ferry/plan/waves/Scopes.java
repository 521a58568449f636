package dev.ferry.plan.waves;

import dev.ferry.model.KubeObject;
import dev.ferry.model.ResourceKey;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Tells cluster-scoped objects from namespaced ones that were written without {@code metadata.namespace} (manifests
 * meant for {@code kubectl apply -n}). Built-in and well-known add-on kinds are listed; a CRD of the estate decides
 * for its own kind; any other kind without a namespace counts as cluster-scoped only when its name starts with
 * {@code Cluster} (ClusterIssuer, ClusterSecretStore), since most custom resources are namespaced.
 */
final class Scopes {

    static final Set<String> CLUSTER_KINDS = Set.of("Namespace", "Node", "PersistentVolume", "StorageClass",
            "VolumeAttributesClass", "VolumeSnapshotClass", "CSIDriver", "CSINode", "IngressClass", "PriorityClass",
            "RuntimeClass", "CustomResourceDefinition", "APIService", "ClusterRole", "ClusterRoleBinding",
            "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration", "ValidatingAdmissionPolicy",
            "ValidatingAdmissionPolicyBinding", "PodSecurityPolicy", "CertificateSigningRequest", "FlowSchema",
            "PriorityLevelConfiguration", "IngressClassParams", "NodePool", "EC2NodeClass", "AKSNodeClass",
            "NodeClaim", "ConstraintTemplate", "GatewayClass");

    private final Map<String, Boolean> declared = new HashMap<>();

    Scopes(Collection<KubeObject> estate) {
        for (KubeObject object : estate) {
            if (object.kind().equals("CustomResourceDefinition")) {
                String kind = object.at("/spec/names/kind").asText("");
                if (!kind.isEmpty()) {
                    declared.put(kind, object.at("/spec/scope").asText("Namespaced").equals("Cluster"));
                }
            }
        }
    }

    boolean clusterScoped(ResourceKey key) {
        if (!key.namespace().isEmpty()) {
            return false;
        }
        Boolean byDefinition = declared.get(key.kind());
        if (byDefinition != null) {
            return byDefinition;
        }
        return CLUSTER_KINDS.contains(key.kind()) || key.kind().startsWith("Cluster");
    }
}
