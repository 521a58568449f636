package dev.ferry.plan.refs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.engine.k8s.PodTemplates;
import dev.ferry.model.KubeObject;
import dev.ferry.model.ResourceKey;
import dev.ferry.plan.refs.Reference.Need;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Finds every reference one object makes to another, with the dotted path where the name is used.
 *
 * <p>Covers pod specs of every workload kind (service account, priority class, pull secrets, ConfigMaps and Secrets
 * in env, envFrom and volumes including projected sources, claims, SecretProviderClasses and CSI node-publish
 * secrets), claims' and claim templates' StorageClasses, Ingress classes (field and legacy annotation) and TLS
 * secrets, IngressClass parameters, ServiceAccount pull secrets, HPA scale targets, RBAC role references and
 * ServiceAccount subjects (across namespaces), Karpenter {@code nodeClassRef}, External Secrets store references and
 * a StatefulSet's governing Service. Label selectors (Services, PDBs, NetworkPolicies) are not references.
 *
 * <p>Where a reference names only an API group (IngressClass parameters, {@code nodeClassRef.group}), the target key
 * gets version {@code v1}: keys compare by group, so the version is only nominal. Stateless and thread-safe.
 */
public final class ReferenceScanner {

    static final String CORE = "v1";
    static final String STORAGE = "storage.k8s.io/v1";
    static final String NETWORKING = "networking.k8s.io/v1";
    static final String SCHEDULING = "scheduling.k8s.io/v1";
    static final String RBAC = "rbac.authorization.k8s.io/v1";
    static final String SECRETS_STORE = "secrets-store.csi.x-k8s.io/v1";
    static final String LEGACY_INGRESS_CLASS = "kubernetes.io/ingress.class";
    static final String LEGACY_STORAGE_CLASS = "volume.beta.kubernetes.io/storage-class";

    /** Every reference the object makes, in the order they appear. */
    public List<Reference> scan(KubeObject object) {
        Collector out = new Collector(object);
        PodTemplates.specPointer(object).ifPresent(pointer -> podSpec(out, object.at(pointer), dotted(pointer)));
        JsonNode body = object.body();
        switch (object.kind()) {
            case "PersistentVolumeClaim" -> {
                out.storageClass(body.path("spec").path("storageClassName"), "spec.storageClassName");
                out.storageClass(body.path("metadata").path("annotations").path(LEGACY_STORAGE_CLASS),
                        "metadata.annotations[" + LEGACY_STORAGE_CLASS + "]");
            }
            case "StatefulSet" -> statefulSet(out, body.path("spec"));
            case "Ingress" -> ingress(out, body);
            case "IngressClass" -> ingressClassParameters(out, body.path("spec").path("parameters"));
            case "ServiceAccount" -> {
                JsonNode pullSecrets = body.path("imagePullSecrets");
                for (int i = 0; i < pullSecrets.size(); i++) {
                    out.namespaced(CORE, "Secret", pullSecrets.get(i).path("name"), "imagePullSecrets[" + i + "]",
                            Need.REQUIRED);
                }
            }
            case "HorizontalPodAutoscaler" -> {
                JsonNode target = body.path("spec").path("scaleTargetRef");
                if (target.path("kind").isTextual()) {
                    out.namespaced(target.path("apiVersion").asText("apps/v1"), target.path("kind").asText(),
                            target.path("name"), "spec.scaleTargetRef", Need.LATE_BINDING);
                }
            }
            case "RoleBinding", "ClusterRoleBinding" -> binding(out, object, body);
            case "NodePool" -> nodeClassRef(out, object, body.path("spec").path("template").path("spec")
                    .path("nodeClassRef"), "spec.template.spec.nodeClassRef");
            case "ExternalSecret" -> externalSecret(out, object, body.path("spec").path("secretStoreRef"));
            default -> {
                // no references of its own beyond a pod spec
            }
        }
        return out.references();
    }

    private static void podSpec(Collector out, JsonNode spec, String at) {
        JsonNode account = spec.path("serviceAccountName");
        if (textOf(account).isPresent()) {
            out.namespaced(CORE, "ServiceAccount", account, at + ".serviceAccountName", Need.REQUIRED);
        } else {
            out.namespaced(CORE, "ServiceAccount", spec.path("serviceAccount"), at + ".serviceAccount", Need.REQUIRED);
        }
        out.cluster(SCHEDULING, "PriorityClass", spec.path("priorityClassName"), at + ".priorityClassName",
                Need.REQUIRED);
        JsonNode pullSecrets = spec.path("imagePullSecrets");
        for (int i = 0; i < pullSecrets.size(); i++) {
            out.namespaced(CORE, "Secret", pullSecrets.get(i).path("name"), at + ".imagePullSecrets[" + i + "]",
                    Need.REQUIRED);
        }
        for (String list : PodTemplates.CONTAINER_LISTS) {
            JsonNode containers = spec.path(list);
            for (int i = 0; i < containers.size(); i++) {
                container(out, containers.get(i), at + "." + list + "[" + i + "]");
            }
        }
        JsonNode volumes = spec.path("volumes");
        for (int i = 0; i < volumes.size(); i++) {
            volume(out, volumes.get(i), at + ".volumes[" + i + "]");
        }
    }

    private static void container(Collector out, JsonNode container, String at) {
        JsonNode env = container.path("env");
        for (int i = 0; i < env.size(); i++) {
            JsonNode from = env.get(i).path("valueFrom");
            String path = at + ".env[" + i + "].valueFrom";
            keyRef(out, "ConfigMap", from.path("configMapKeyRef"), path + ".configMapKeyRef");
            keyRef(out, "Secret", from.path("secretKeyRef"), path + ".secretKeyRef");
        }
        JsonNode envFrom = container.path("envFrom");
        for (int i = 0; i < envFrom.size(); i++) {
            String path = at + ".envFrom[" + i + "]";
            keyRef(out, "ConfigMap", envFrom.get(i).path("configMapRef"), path + ".configMapRef");
            keyRef(out, "Secret", envFrom.get(i).path("secretRef"), path + ".secretRef");
        }
    }

    private static void keyRef(Collector out, String kind, JsonNode ref, String path) {
        if (ref.isObject()) {
            out.namespaced(CORE, kind, ref.path("name"), path, need(ref));
        }
    }

    private static void volume(Collector out, JsonNode volume, String at) {
        JsonNode configMap = volume.path("configMap");
        if (configMap.isObject()) {
            out.namespaced(CORE, "ConfigMap", configMap.path("name"), at + ".configMap", need(configMap));
        }
        JsonNode secret = volume.path("secret");
        if (secret.isObject()) {
            out.namespaced(CORE, "Secret", secret.path("secretName"), at + ".secret", need(secret));
        }
        out.namespaced(CORE, "PersistentVolumeClaim", volume.path("persistentVolumeClaim").path("claimName"),
                at + ".persistentVolumeClaim", Need.REQUIRED);
        JsonNode sources = volume.path("projected").path("sources");
        for (int i = 0; i < sources.size(); i++) {
            String path = at + ".projected.sources[" + i + "]";
            keyRef(out, "ConfigMap", sources.get(i).path("configMap"), path + ".configMap");
            keyRef(out, "Secret", sources.get(i).path("secret"), path + ".secret");
        }
        JsonNode csi = volume.path("csi");
        if (csi.isObject()) {
            out.namespaced(SECRETS_STORE, "SecretProviderClass",
                    csi.path("volumeAttributes").path("secretProviderClass"),
                    at + ".csi.volumeAttributes.secretProviderClass", Need.REQUIRED);
            out.namespaced(CORE, "Secret", csi.path("nodePublishSecretRef").path("name"),
                    at + ".csi.nodePublishSecretRef", Need.REQUIRED);
        }
    }

    private static void statefulSet(Collector out, JsonNode spec) {
        JsonNode templates = spec.path("volumeClaimTemplates");
        for (int i = 0; i < templates.size(); i++) {
            out.storageClass(templates.get(i).path("spec").path("storageClassName"),
                    "spec.volumeClaimTemplates[" + i + "].spec.storageClassName");
        }
        out.namespaced(CORE, "Service", spec.path("serviceName"), "spec.serviceName", Need.LATE_BINDING);
    }

    private static void ingress(Collector out, JsonNode body) {
        out.cluster(NETWORKING, "IngressClass", body.path("spec").path("ingressClassName"), "spec.ingressClassName",
                Need.REQUIRED);
        out.cluster(NETWORKING, "IngressClass", body.path("metadata").path("annotations").path(LEGACY_INGRESS_CLASS),
                "metadata.annotations[" + LEGACY_INGRESS_CLASS + "]", Need.LATE_BINDING);
        JsonNode tls = body.path("spec").path("tls");
        for (int i = 0; i < tls.size(); i++) {
            out.namespaced(CORE, "Secret", tls.get(i).path("secretName"), "spec.tls[" + i + "].secretName",
                    Need.REQUIRED);
        }
    }

    private static void ingressClassParameters(Collector out, JsonNode parameters) {
        if (!parameters.path("kind").isTextual() || !parameters.path("apiGroup").isTextual()) {
            return;
        }
        String apiVersion = parameters.path("apiGroup").asText() + "/v1";
        String kind = parameters.path("kind").asText();
        if (parameters.path("scope").asText("Cluster").equals("Namespace")) {
            textOf(parameters.path("namespace")).ifPresent(ns -> out.add(
                    apiVersion, kind, ns, parameters.path("name"), "spec.parameters", Need.REQUIRED));
        } else {
            out.cluster(apiVersion, kind, parameters.path("name"), "spec.parameters", Need.REQUIRED);
        }
    }

    private static void binding(Collector out, KubeObject object, JsonNode body) {
        JsonNode role = body.path("roleRef");
        if (role.path("kind").asText().equals("ClusterRole")) {
            out.cluster(RBAC, "ClusterRole", role.path("name"), "roleRef", Need.REQUIRED);
        } else if (role.path("kind").asText().equals("Role") && object.kind().equals("RoleBinding")) {
            out.namespaced(RBAC, "Role", role.path("name"), "roleRef", Need.REQUIRED);
        }
        JsonNode subjects = body.path("subjects");
        for (int i = 0; i < subjects.size(); i++) {
            JsonNode subject = subjects.get(i);
            if (subject.path("kind").asText().equals("ServiceAccount")) {
                out.add(CORE, "ServiceAccount", subject.path("namespace").asText(object.namespace()),
                        subject.path("name"), "subjects[" + i + "]", Need.LATE_BINDING);
            }
        }
    }

    private static void nodeClassRef(Collector out, KubeObject object, JsonNode ref, String path) {
        if (!object.key().group().equals("karpenter.sh") || !ref.path("kind").isTextual()) {
            return;
        }
        // karpenter.sh/v1 names the group; v1beta1 named the apiVersion
        String apiVersion = ref.path("group").isTextual()
                ? ref.path("group").asText() + "/v1"
                : ref.path("apiVersion").asText("karpenter.k8s.aws/v1");
        out.cluster(apiVersion, ref.path("kind").asText(), ref.path("name"), path, Need.REQUIRED);
    }

    private static void externalSecret(Collector out, KubeObject object, JsonNode store) {
        if (!object.key().group().equals("external-secrets.io")) {
            return;
        }
        String kind = store.path("kind").asText("SecretStore");
        if (kind.equals("ClusterSecretStore")) {
            out.cluster(object.apiVersion(), kind, store.path("name"), "spec.secretStoreRef", Need.REQUIRED);
        } else {
            out.namespaced(object.apiVersion(), kind, store.path("name"), "spec.secretStoreRef", Need.REQUIRED);
        }
    }

    private static Need need(JsonNode ref) {
        return ref.path("optional").asBoolean(false) ? Need.OPTIONAL : Need.REQUIRED;
    }

    private static Optional<String> textOf(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? Optional.of(node.asText()) : Optional.empty();
    }

    /** {@code /spec/template/spec} → {@code spec.template.spec}. */
    static String dotted(String pointer) {
        return pointer.substring(1).replace('/', '.');
    }

    /** Accumulates the references of one object, skipping empty names. */
    private static final class Collector {
        private final KubeObject object;
        private final List<Reference> references = new ArrayList<>();

        Collector(KubeObject object) {
            this.object = object;
        }

        /** A target in the object's own namespace (empty when the manifest leaves it to {@code kubectl -n}). */
        void namespaced(String apiVersion, String kind, JsonNode name, String path, Need need) {
            add(apiVersion, kind, object.namespace(), name, path, need);
        }

        void cluster(String apiVersion, String kind, JsonNode name, String path, Need need) {
            add(apiVersion, kind, "", name, path, need);
        }

        void storageClass(JsonNode name, String path) {
            cluster(STORAGE, "StorageClass", name, path, Need.REQUIRED);
        }

        void add(String apiVersion, String kind, String namespace, JsonNode name, String path, Need need) {
            textOf(name).ifPresent(n -> references.add(
                    new Reference(object.key(), path, ResourceKey.of(apiVersion, kind, namespace, n), need)));
        }

        List<Reference> references() {
            return Collections.unmodifiableList(references);
        }
    }
}
