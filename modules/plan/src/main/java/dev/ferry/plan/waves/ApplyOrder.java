package dev.ferry.plan.waves;

import dev.ferry.model.KubeObject;
import dev.ferry.model.ResourceKey;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The order objects are applied in inside a wave (DESIGN.md): Namespaces, CRDs, cluster platform classes
 * (StorageClasses, IngressClasses, PriorityClasses, Karpenter node classes and NodePools), ServiceAccounts and RBAC,
 * configuration (ConfigMaps, Secrets, SecretProviderClasses, External Secrets stores), claims, Services, workloads,
 * Ingresses, then HPAs, PDBs and NetworkPolicies, then every other kind. Within a kind, by namespace and name.
 *
 * <p>Every other kind comes after the known ones, and CRDs come second, so an instance of a custom resource is
 * always applied after its definition.
 */
public final class ApplyOrder {

    /** Kinds in apply order; a kind's position is its rank. Kinds within one group of DESIGN.md keep this order. */
    static final List<String> KINDS = List.of(
            "Namespace",
            "CustomResourceDefinition",
            "StorageClass", "IngressClassParams", "IngressClass", "PriorityClass", "RuntimeClass",
            "EC2NodeClass", "AKSNodeClass", "NodePool",
            "ServiceAccount", "ClusterRole", "Role", "ClusterRoleBinding", "RoleBinding",
            "ConfigMap", "Secret", "SecretProviderClass", "ClusterSecretStore", "SecretStore", "ExternalSecret",
            "PersistentVolume", "PersistentVolumeClaim",
            "Service",
            "DaemonSet", "StatefulSet", "Deployment", "ReplicaSet", "ReplicationController", "Pod", "Job", "CronJob",
            "Ingress",
            "HorizontalPodAutoscaler", "PodDisruptionBudget", "NetworkPolicy");

    private static final Map<String, Integer> RANKS = ranks();

    /** Orders keys by kind, then namespace, name and group. */
    public static final Comparator<ResourceKey> KEYS = Comparator.comparingInt(ApplyOrder::rank)
            .thenComparing(ResourceKey::kind)
            .thenComparing(ResourceKey::namespace)
            .thenComparing(ResourceKey::name)
            .thenComparing(ResourceKey::group);

    /** The same order for objects. */
    public static final Comparator<KubeObject> OBJECTS = Comparator.comparing(KubeObject::key, KEYS);

    private ApplyOrder() {
    }

    /** The kind's rank: its position in the apply order, or one past the known kinds for any other kind. */
    public static int rank(ResourceKey key) {
        return RANKS.getOrDefault(key.kind(), KINDS.size());
    }

    /** True when the kind has a place of its own in the apply order. */
    public static boolean known(String kind) {
        return RANKS.containsKey(kind);
    }

    private static Map<String, Integer> ranks() {
        Map<String, Integer> ranks = new HashMap<>();
        for (int i = 0; i < KINDS.size(); i++) {
            ranks.put(KINDS.get(i), i);
        }
        return Map.copyOf(ranks);
    }
}
