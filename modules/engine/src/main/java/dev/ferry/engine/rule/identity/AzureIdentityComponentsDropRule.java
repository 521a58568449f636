package dev.ferry.engine.rule.identity;

import static dev.ferry.engine.rule.identity.AzureIdentityKeys.AAD_GROUP;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.k8s.PodTemplates;
import dev.ferry.engine.patch.Pointer;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.rule.RuleInfo;
import dev.ferry.engine.rule.RuleOutput;
import dev.ferry.model.KubeObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Drops the Azure identity machinery itself, which EKS replaces with its own webhook (EDGES.md §1.4, §1.5, §10.4):
 * everything labelled {@code azure-workload-identity.io/system: "true"} (the Workload ID webhook install), a
 * MutatingWebhookConfiguration made only of {@code *.azure-workload-identity.io} webhooks, the aad-pod-identity
 * CRDs, the MIC and NMI workloads (recognised by their images), and the ServiceAccounts and role bindings that only
 * those workloads use.
 */
public final class AzureIdentityComponentsDropRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("azure-identity-components-drop",
            "Drop the Azure identity webhook and controllers",
            "Drops the Workload ID webhook and the aad-pod-identity controllers and CRDs, which have no place on EKS.",
            Edge.IDENTITY, Direction.AKS_TO_EKS);

    static final String WI_SYSTEM_LABEL = "azure-workload-identity.io/system";
    private static final List<String> COMPONENT_IMAGES = List.of("/azure/aad-pod-identity/mic",
            "/azure/aad-pod-identity/nmi", "/azure/workload-identity/webhook");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        if ("true".equals(object.labels().get(WI_SYSTEM_LABEL))) {
            output.drop(object, "Drop Workload ID webhook part " + object.kind() + " " + object.name(),
                    "EDGES.md §1.2/§1.5: part of the Azure Workload ID webhook install (`" + WI_SYSTEM_LABEL
                            + "`); on EKS the Pod Identity webhook is managed by AWS.");
        } else if (object.isKind("apiextensions.k8s.io", "CustomResourceDefinition")
                && object.at("/spec/group").asText("").equals(AAD_GROUP)) {
            output.drop(object, "Drop aad-pod-identity CRD " + object.name(),
                    "EDGES.md §1.4/§10.4: aad-pod-identity is deprecated and replaced by IRSA / EKS Pod Identity.");
        } else if (isWorkloadIdentityWebhook(object)) {
            output.drop(object, "Drop the Workload ID mutating webhook " + object.name(),
                    "EDGES.md §1.2/§1.5: its webhooks (`*.azure-workload-identity.io`) inject Azure tokens into pods "
                            + "labelled `azure.workload.identity/use`; on EKS the Pod Identity webhook is managed by "
                            + "AWS.");
        } else if (isComponent(object)) {
            output.drop(object, "Drop Azure identity controller " + object.kind() + " " + object.name(),
                    "EDGES.md §1.4/§10.4: runs an Azure identity component (" + images(object) + "); EKS provides "
                            + "credentials through its own webhook and the Pod Identity agent.");
        } else if (object.isKind("", "ServiceAccount") && onlyUsedByComponents(object, context)) {
            output.drop(object, "Drop ServiceAccount " + object.name() + " of an Azure identity controller",
                    "EDGES.md §10.4: only the dropped Azure identity controllers run as it.");
        } else if (isBinding(object) && bindsOnlyComponentAccounts(object, context)) {
            output.drop(object, "Drop " + object.kind() + " " + object.name() + " of an Azure identity controller",
                    "EDGES.md §10.4: it grants permissions only to the dropped Azure identity controllers.");
        }
    }

    /** A MutatingWebhookConfiguration whose webhooks all belong to Azure Workload ID (kustomize base installs). */
    static boolean isWorkloadIdentityWebhook(KubeObject object) {
        JsonNode webhooks = object.at("/webhooks");
        if (!object.isKind("admissionregistration.k8s.io", "MutatingWebhookConfiguration") || !webhooks.isArray()
                || webhooks.isEmpty()) {
            return false;
        }
        for (JsonNode webhook : webhooks) {
            if (!webhook.path("name").asText("").endsWith(".azure-workload-identity.io")) {
                return false;
            }
        }
        return true;
    }

    /** A workload every one of whose containers runs an Azure identity component image. */
    static boolean isComponent(KubeObject object) {
        List<PodTemplates.ContainerRef> containers = PodTemplates.containers(object);
        return !object.kind().equals("Pod") && !containers.isEmpty() && containers.stream()
                .allMatch(c -> COMPONENT_IMAGES.stream().anyMatch(i -> c.image().contains(i)));
    }

    private static String images(KubeObject object) {
        return String.join(", ", PodTemplates.containers(object).stream().map(PodTemplates.ContainerRef::image)
                .distinct().toList());
    }

    private static String account(KubeObject workload) {
        String spec = PodTemplates.specPointer(workload).orElse("/spec");
        String name = workload.at(Pointer.child(spec, "serviceAccountName")).asText("");
        return IdentitySettings.namespaceOrDefault(workload.namespace()) + "/"
                + (name.isEmpty() ? workload.at(Pointer.child(spec, "serviceAccount")).asText("default") : name);
    }

    private static boolean onlyUsedByComponents(KubeObject sa, RuleContext context) {
        String ref = IdentitySettings.namespaceOrDefault(sa.namespace()) + "/" + sa.name();
        if (sa.name().equals("default")) {
            return false;
        }
        List<KubeObject> users = workloadsByAccount(context).getOrDefault(ref, List.of());
        return !users.isEmpty() && users.stream().allMatch(AzureIdentityComponentsDropRule::isComponent);
    }

    /** Every workload by the ServiceAccount it runs as, built once per run. */
    private static Map<String, List<KubeObject>> workloadsByAccount(RuleContext context) {
        return context.memo("identity.workloadsByAccount", c -> {
            Map<String, List<KubeObject>> byAccount = new HashMap<>();
            for (KubeObject object : c.estate().objects()) {
                if (PodTemplates.hasPodSpec(object)) {
                    byAccount.computeIfAbsent(account(object), k -> new ArrayList<>()).add(object);
                }
            }
            return byAccount;
        });
    }

    private static boolean isBinding(KubeObject object) {
        return object.key().group().equals("rbac.authorization.k8s.io")
                && (object.kind().equals("RoleBinding") || object.kind().equals("ClusterRoleBinding"));
    }

    private static boolean bindsOnlyComponentAccounts(KubeObject binding, RuleContext context) {
        JsonNode subjects = binding.at("/subjects");
        if (!subjects.isArray() || subjects.isEmpty()) {
            return false;
        }
        Set<String> componentAccounts = context.memo("identity.componentAccounts", c -> {
            Set<String> accounts = new HashSet<>();
            c.estate().objects().stream().filter(AzureIdentityComponentsDropRule::isComponent)
                    .forEach(w -> accounts.add(account(w)));
            return accounts;
        });
        for (JsonNode subject : subjects) {
            String namespace = subject.path("namespace").asText(binding.namespace());
            if (!subject.path("kind").asText().equals("ServiceAccount") || !componentAccounts.contains(
                    IdentitySettings.namespaceOrDefault(namespace) + "/" + subject.path("name").asText())) {
                return false;
            }
        }
        return true;
    }
}
