package dev.ferry.engine.rule.identity;

import static dev.ferry.engine.rule.identity.AzureIdentityKeys.AAD_BINDING_LABEL;
import static dev.ferry.engine.rule.identity.AzureIdentityKeys.AAD_GROUP;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.engine.k8s.PodTemplates;
import dev.ferry.engine.patch.Pointer;
import dev.ferry.engine.rule.EstateView;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.model.KubeObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The ServiceAccounts that replace aad-pod-identity bindings (EDGES.md §1.4): one per namespace and binding
 * selector, named after the selector. A binding's own namespace always gets one; so does every other namespace with
 * a workload whose {@code aadpodidbinding} label matches only a binding elsewhere, because aad-pod-identity matches
 * bindings across namespaces unless it runs with {@code --forceNamespaced}, while a pod can only use a
 * ServiceAccount of its own namespace.
 */
final class AadBindings {

    /** A ServiceAccount to generate, with the bindings and identities it stands for. */
    record DerivedAccount(String namespace, String name, String selector, List<KubeObject> bindings,
                          List<KubeObject> identities, boolean crossNamespace) {

        /** The binding findings and artifacts are attached to: the first one. */
        KubeObject binding() {
            return bindings.get(0);
        }
    }

    private final Map<String, DerivedAccount> accounts;

    private AadBindings(Map<String, DerivedAccount> accounts) {
        this.accounts = accounts;
    }

    static AadBindings of(RuleContext context) {
        return context.memo(AadBindings.class, AadBindings::build);
    }

    private static AadBindings build(RuleContext context) {
        EstateView estate = context.estate();
        IdentitySettings settings = IdentitySettings.of(context.settings());
        Map<String, List<KubeObject>> bySelector = new LinkedHashMap<>();
        for (KubeObject binding : sorted(estate.ofKind("AzureIdentityBinding"))) {
            String selector = selector(binding);
            if (binding.isKind(AAD_GROUP, "AzureIdentityBinding") && !selector.isEmpty()) {
                bySelector.computeIfAbsent(key(binding.namespace(), selector), k -> new ArrayList<>()).add(binding);
            }
        }
        Map<String, DerivedAccount> accounts = new LinkedHashMap<>();
        bySelector.forEach((key, bindings) -> {
            KubeObject first = bindings.get(0);
            accounts.put(key, account(estate, settings, first.namespace(), selector(first), bindings, false));
        });
        for (KubeObject workload : sorted(estate.objects())) {
            String selector = bindingLabel(workload).orElse("");
            if (selector.isEmpty() || accounts.containsKey(key(workload.namespace(), selector))) {
                continue;
            }
            bySelector.entrySet().stream()
                    .filter(e -> selector(e.getValue().get(0)).equals(selector))
                    .findFirst()
                    .ifPresent(e -> accounts.put(key(workload.namespace(), selector),
                            account(estate, settings, workload.namespace(), selector, e.getValue(), true)));
        }
        return new AadBindings(accounts);
    }

    List<DerivedAccount> accounts() {
        return List.copyOf(accounts.values());
    }

    /** The account a workload with {@code aadpodidbinding: selector} in a namespace moves to. */
    Optional<DerivedAccount> forWorkload(String namespace, String selector) {
        return Optional.ofNullable(accounts.get(key(namespace, selector)));
    }

    /** The {@code aadpodidbinding} label of an object's pod template. */
    static Optional<String> bindingLabel(KubeObject object) {
        return PodTemplates.metadataPointer(object)
                .map(meta -> object.at(Pointer.child(meta, "labels", AAD_BINDING_LABEL)))
                .filter(node -> node.isValueNode() && !node.asText().isBlank())
                .map(node -> node.asText().strip());
    }

    static String selector(KubeObject binding) {
        return binding.at("/spec/selector").asText("").strip();
    }

    /** The AzureIdentity a binding names: in its namespace first, else anywhere (non-namespaced mode). */
    static Optional<KubeObject> identity(EstateView estate, KubeObject binding) {
        String name = binding.at("/spec/azureIdentity").asText("");
        List<KubeObject> candidates = estate.ofKind("AzureIdentity").stream()
                .filter(i -> i.isKind(AAD_GROUP, "AzureIdentity") && i.name().equals(name))
                .toList();
        return candidates.stream().filter(i -> i.namespace().equals(binding.namespace())).findFirst()
                .or(() -> candidates.stream().findFirst());
    }

    /**
     * How an AzureIdentity is described to a reviewer: type, client id and resource id. The client id identifies
     * and does not authenticate; {@code clientPassword} and other secret references are never read.
     */
    static String describe(KubeObject identity) {
        String type = switch (identity.at("/spec/type").asText("0")) {
            case "1" -> "service principal with client secret";
            case "2" -> "service principal with certificate";
            default -> "user-assigned managed identity";
        };
        StringBuilder text = new StringBuilder("AzureIdentity `").append(ref(identity)).append("` (").append(type);
        String clientId = identity.at("/spec/clientID").asText("");
        if (!clientId.isBlank()) {
            text.append(", clientID `").append(clientId).append('`');
        }
        String resourceId = identity.at("/spec/resourceID").asText("");
        if (!resourceId.isBlank()) {
            text.append(", resourceID `").append(resourceId).append('`');
        }
        return text.append(')').toString();
    }

    static String ref(KubeObject object) {
        return object.namespace().isEmpty() ? object.name() : object.namespace() + "/" + object.name();
    }

    /** A selector as a DNS-1123 label, usable as a ServiceAccount name and inside an IAM role name. */
    static String serviceAccountName(String selector) {
        String name = selector.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-").replaceAll("-{2,}", "-");
        name = trim(name);
        if (name.length() > 63) {
            name = trim(name.substring(0, 63));
        }
        return name.isEmpty() ? "aad-pod-identity" : name;
    }

    private static DerivedAccount account(EstateView estate, IdentitySettings settings, String namespace,
                                          String selector, List<KubeObject> bindings, boolean crossNamespace) {
        String name = serviceAccountName(selector);
        Optional<KubeObject> existing = estate.find("ServiceAccount", namespace, name);
        if (existing.isPresent() && !existing.get().body().equals(serviceAccount(settings, namespace, name))) {
            name = name.length() > 59 ? trim(name.substring(0, 59)) + "-aws" : name + "-aws";
        }
        List<KubeObject> identities = bindings.stream().map(b -> identity(estate, b)).flatMap(Optional::stream)
                .distinct().toList();
        return new DerivedAccount(namespace, name, selector, List.copyOf(bindings), identities, crossNamespace);
    }

    /**
     * The ServiceAccount generated for a derived account. An existing one with exactly this body is this rule's own
     * output (or equivalent to it) and is not a name clash.
     */
    static ObjectNode serviceAccount(IdentitySettings settings, String namespace, String name) {
        ObjectNode sa = JsonNodeFactory.instance.objectNode();
        sa.put("apiVersion", "v1");
        sa.put("kind", "ServiceAccount");
        ObjectNode metadata = sa.putObject("metadata");
        metadata.put("name", name);
        if (!namespace.isEmpty()) {
            metadata.put("namespace", namespace);
        }
        if (settings.mode() == IdentitySettings.Mode.IRSA) {
            String roleName = settings.roleName(IdentitySettings.namespaceOrDefault(namespace), name);
            metadata.putObject("annotations").put(AzureIdentityKeys.EKS_ROLE_ARN, settings.roleArn(roleName));
        }
        return sa;
    }

    private static String trim(String name) {
        return name.replaceAll("^[^a-z0-9]+", "").replaceAll("[^a-z0-9]+$", "");
    }

    /** Objects read from files without a namespace land in {@code default}, so both spellings match. */
    private static String key(String namespace, String selector) {
        return IdentitySettings.namespaceOrDefault(namespace) + "\u0000" + selector;
    }

    private static List<KubeObject> sorted(List<KubeObject> objects) {
        return objects.stream().sorted(Comparator.comparing(KubeObject::key)).toList();
    }
}
