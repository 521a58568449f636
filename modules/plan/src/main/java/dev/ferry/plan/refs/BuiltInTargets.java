package dev.ferry.plan.refs;

import dev.ferry.engine.Direction;
import dev.ferry.model.ResourceKey;
import java.util.Set;

/**
 * Objects that exist on every target cluster without a manifest creating them, so a reference to one is never
 * unresolved: each namespace's {@code default} ServiceAccount and {@code kube-root-ca.crt} ConfigMap, the system
 * priority classes, the default ClusterRoles, and the target cloud's built-in StorageClasses and IngressClasses
 * (EDGES.md §4.1 and §4.2; §2 for the AKS application routing class). The one place these lists live.
 */
public final class BuiltInTargets {

    /** AKS built-in StorageClasses (EDGES.md §4.2), including legacy names and the blob classes. */
    static final Set<String> AKS_STORAGE_CLASSES = Set.of("default", "managed-csi", "managed-csi-premium",
            "managed-csi-premium-v2", "managed", "managed-premium", "azurefile-csi", "azurefile-csi-premium",
            "azurefile", "azurefile-premium", "azureblob-fuse-premium", "azureblob-nfs-premium");

    /** The class the AKS application routing add-on manages (EDGES.md §2). */
    static final Set<String> AKS_INGRESS_CLASSES = Set.of("webapprouting.kubernetes.azure.com");

    /** EKS creates {@code gp2} (without the default annotation from 1.30; EDGES.md §4.1) and no IngressClass. */
    static final Set<String> EKS_STORAGE_CLASSES = Set.of("gp2");

    static final Set<String> EKS_INGRESS_CLASSES = Set.of();

    private static final Set<String> PRIORITY_CLASSES = Set.of("system-cluster-critical", "system-node-critical");
    private static final Set<String> CLUSTER_ROLES = Set.of("cluster-admin", "admin", "edit", "view");
    private static final Set<String> NAMESPACES = Set.of("default", "kube-system", "kube-public", "kube-node-lease");

    private final Set<String> storageClasses;
    private final Set<String> ingressClasses;

    private BuiltInTargets(Set<String> storageClasses, Set<String> ingressClasses) {
        this.storageClasses = storageClasses;
        this.ingressClasses = ingressClasses;
    }

    /** What the target cluster of this migration direction has built in. */
    public static BuiltInTargets of(Direction direction) {
        return switch (direction) {
            case AKS_TO_EKS -> new BuiltInTargets(EKS_STORAGE_CLASSES, EKS_INGRESS_CLASSES);
            case EKS_TO_AKS -> new BuiltInTargets(AKS_STORAGE_CLASSES, AKS_INGRESS_CLASSES);
        };
    }

    /** True when the target cluster has this object without the estate creating it. */
    public boolean exists(ResourceKey key) {
        String name = key.name();
        return switch (key.kind()) {
            case "ServiceAccount" -> key.group().isEmpty() && name.equals("default");
            case "ConfigMap" -> key.group().isEmpty() && name.equals("kube-root-ca.crt");
            case "PriorityClass" -> PRIORITY_CLASSES.contains(name);
            case "ClusterRole" -> CLUSTER_ROLES.contains(name) || name.startsWith("system:");
            case "Namespace" -> NAMESPACES.contains(name);
            case "StorageClass" -> storageClasses.contains(name);
            case "IngressClass" -> ingressClasses.contains(name);
            default -> false;
        };
    }

    public Set<String> storageClasses() {
        return storageClasses;
    }

    public Set<String> ingressClasses() {
        return ingressClasses;
    }
}
