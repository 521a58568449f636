package dev.ferry.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The built-in kinds of a Kubernetes v1.30 API server, as its discovery documents describe them. */
final class BuiltInTypes {

    private static final boolean NAMESPACED = true;
    private static final boolean CLUSTER = false;
    private static final boolean STATUS = true;
    private static final boolean NO_STATUS = false;

    private static final Set<String> SPEC_STATUS = Set.of("spec", "status");

    /** Top-level fields besides apiVersion, kind and metadata, for the kinds that do not have spec and status. */
    private static final Map<String, Set<String>> TOP_LEVEL = Map.ofEntries(
            Map.entry("ConfigMap", Set.of("data", "binaryData", "immutable")),
            Map.entry("Secret", Set.of("data", "stringData", "type", "immutable")),
            Map.entry("ServiceAccount", Set.of("secrets", "imagePullSecrets", "automountServiceAccountToken")),
            Map.entry("Endpoints", Set.of("subsets")),
            Map.entry("Event", Set.of("involvedObject", "reason", "message", "source", "firstTimestamp",
                    "lastTimestamp", "count", "type", "eventTime", "series", "action", "related",
                    "reportingComponent", "reportingInstance", "regarding", "note", "reportingController",
                    "deprecatedSource", "deprecatedFirstTimestamp", "deprecatedLastTimestamp", "deprecatedCount")),
            Map.entry("Role", Set.of("rules")),
            Map.entry("ClusterRole", Set.of("rules", "aggregationRule")),
            Map.entry("RoleBinding", Set.of("subjects", "roleRef")),
            Map.entry("ClusterRoleBinding", Set.of("subjects", "roleRef")),
            Map.entry("StorageClass", Set.of("provisioner", "parameters", "reclaimPolicy", "mountOptions",
                    "allowVolumeExpansion", "volumeBindingMode", "allowedTopologies")),
            Map.entry("PriorityClass", Set.of("value", "globalDefault", "description", "preemptionPolicy")),
            Map.entry("EndpointSlice", Set.of("addressType", "endpoints", "ports")),
            Map.entry("ControllerRevision", Set.of("data", "revision")),
            Map.entry("RuntimeClass", Set.of("handler", "overhead", "scheduling")),
            Map.entry("PodTemplate", Set.of("template")),
            Map.entry("MutatingWebhookConfiguration", Set.of("webhooks")),
            Map.entry("ValidatingWebhookConfiguration", Set.of("webhooks")),
            Map.entry("CSIStorageCapacity", Set.of("nodeTopology", "storageClassName", "capacity",
                    "maximumVolumeSize")));

    private BuiltInTypes() {
    }

    static List<ResourceType> all() {
        List<ResourceType> types = new ArrayList<>();
        String core = "";
        add(types, core, "v1", "ConfigMap", "configmaps", NAMESPACED, NO_STATUS, "cm");
        add(types, core, "v1", "Endpoints", "endpoints", NAMESPACED, NO_STATUS, "ep");
        add(types, core, "v1", "Event", "events", NAMESPACED, NO_STATUS, "ev");
        add(types, core, "v1", "LimitRange", "limitranges", NAMESPACED, NO_STATUS, "limits");
        add(types, core, "v1", "Namespace", "namespaces", CLUSTER, STATUS, "ns");
        add(types, core, "v1", "Node", "nodes", CLUSTER, STATUS, "no");
        add(types, core, "v1", "PersistentVolumeClaim", "persistentvolumeclaims", NAMESPACED, STATUS, "pvc");
        add(types, core, "v1", "PersistentVolume", "persistentvolumes", CLUSTER, STATUS, "pv");
        add(types, core, "v1", "Pod", "pods", NAMESPACED, STATUS, "po");
        add(types, core, "v1", "PodTemplate", "podtemplates", NAMESPACED, NO_STATUS);
        add(types, core, "v1", "ReplicationController", "replicationcontrollers", NAMESPACED, STATUS, "rc");
        add(types, core, "v1", "ResourceQuota", "resourcequotas", NAMESPACED, STATUS, "quota");
        add(types, core, "v1", "Secret", "secrets", NAMESPACED, NO_STATUS);
        add(types, core, "v1", "ServiceAccount", "serviceaccounts", NAMESPACED, NO_STATUS, "sa");
        add(types, core, "v1", "Service", "services", NAMESPACED, STATUS, "svc");
        String apps = "apps";
        add(types, apps, "v1", "ControllerRevision", "controllerrevisions", NAMESPACED, NO_STATUS);
        add(types, apps, "v1", "DaemonSet", "daemonsets", NAMESPACED, STATUS, "ds");
        add(types, apps, "v1", "Deployment", "deployments", NAMESPACED, STATUS, "deploy");
        add(types, apps, "v1", "ReplicaSet", "replicasets", NAMESPACED, STATUS, "rs");
        add(types, apps, "v1", "StatefulSet", "statefulsets", NAMESPACED, STATUS, "sts");
        add(types, "batch", "v1", "CronJob", "cronjobs", NAMESPACED, STATUS, "cj");
        add(types, "batch", "v1", "Job", "jobs", NAMESPACED, STATUS);
        add(types, "autoscaling", "v2", "HorizontalPodAutoscaler", "horizontalpodautoscalers", NAMESPACED,
                STATUS, "hpa");
        add(types, "policy", "v1", "PodDisruptionBudget", "poddisruptionbudgets", NAMESPACED, STATUS, "pdb");
        String networking = "networking.k8s.io";
        add(types, networking, "v1", "IngressClass", "ingressclasses", CLUSTER, NO_STATUS);
        add(types, networking, "v1", "Ingress", "ingresses", NAMESPACED, STATUS, "ing");
        add(types, networking, "v1", "NetworkPolicy", "networkpolicies", NAMESPACED, NO_STATUS, "netpol");
        String storage = "storage.k8s.io";
        add(types, storage, "v1", "CSIDriver", "csidrivers", CLUSTER, NO_STATUS);
        add(types, storage, "v1", "CSINode", "csinodes", CLUSTER, NO_STATUS);
        add(types, storage, "v1", "CSIStorageCapacity", "csistoragecapacities", NAMESPACED, NO_STATUS);
        add(types, storage, "v1", "StorageClass", "storageclasses", CLUSTER, NO_STATUS, "sc");
        add(types, storage, "v1", "VolumeAttachment", "volumeattachments", CLUSTER, STATUS);
        String rbac = "rbac.authorization.k8s.io";
        add(types, rbac, "v1", "ClusterRoleBinding", "clusterrolebindings", CLUSTER, NO_STATUS);
        add(types, rbac, "v1", "ClusterRole", "clusterroles", CLUSTER, NO_STATUS);
        add(types, rbac, "v1", "RoleBinding", "rolebindings", NAMESPACED, NO_STATUS);
        add(types, rbac, "v1", "Role", "roles", NAMESPACED, NO_STATUS);
        add(types, "scheduling.k8s.io", "v1", "PriorityClass", "priorityclasses", CLUSTER, NO_STATUS, "pc");
        add(types, "apiextensions.k8s.io", "v1", "CustomResourceDefinition", "customresourcedefinitions", CLUSTER,
                STATUS, "crd", "crds");
        add(types, "coordination.k8s.io", "v1", "Lease", "leases", NAMESPACED, NO_STATUS);
        add(types, "discovery.k8s.io", "v1", "EndpointSlice", "endpointslices", NAMESPACED, NO_STATUS);
        add(types, "events.k8s.io", "v1", "Event", "events", NAMESPACED, NO_STATUS, "ev");
        String admission = "admissionregistration.k8s.io";
        add(types, admission, "v1", "MutatingWebhookConfiguration", "mutatingwebhookconfigurations", CLUSTER,
                NO_STATUS);
        add(types, admission, "v1", "ValidatingWebhookConfiguration", "validatingwebhookconfigurations", CLUSTER,
                NO_STATUS);
        add(types, admission, "v1", "ValidatingAdmissionPolicy", "validatingadmissionpolicies", CLUSTER, STATUS);
        add(types, admission, "v1", "ValidatingAdmissionPolicyBinding", "validatingadmissionpolicybindings",
                CLUSTER, NO_STATUS);
        add(types, "node.k8s.io", "v1", "RuntimeClass", "runtimeclasses", CLUSTER, NO_STATUS);
        add(types, "certificates.k8s.io", "v1", "CertificateSigningRequest", "certificatesigningrequests",
                CLUSTER, STATUS, "csr");
        return List.copyOf(types);
    }

    /** The top-level fields a built-in object may carry: apiVersion, kind, metadata and its own. */
    static Set<String> topLevelFields(String kind) {
        Set<String> fields = new LinkedHashSet<>(List.of("apiVersion", "kind", "metadata"));
        fields.addAll(TOP_LEVEL.getOrDefault(kind, SPEC_STATUS));
        return fields;
    }

    private static void add(List<ResourceType> types, String group, String version, String kind, String plural,
                            boolean namespaced, boolean hasStatus, String... shortNames) {
        types.add(new ResourceType(group, version, kind, plural, namespaced, List.of(shortNames), hasStatus));
    }
}
