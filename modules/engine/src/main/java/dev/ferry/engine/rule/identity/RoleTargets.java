package dev.ferry.engine.rule.identity;

import static dev.ferry.engine.rule.identity.AzureIdentityKeys.CLIENT_ID;

import dev.ferry.engine.rule.RuleContext;
import dev.ferry.model.KubeObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every ServiceAccount that needs an IAM role on EKS (EDGES.md §1.9): source ServiceAccounts with a Workload ID
 * client id, and the ServiceAccounts generated for aad-pod-identity bindings.
 */
final class RoleTargets {

    /**
     * One ServiceAccount and its role.
     *
     * @param namespace      the namespace as written ({@code ""} when the manifest had none)
     * @param serviceAccount the ServiceAccount name
     * @param roleName       the IAM role name
     * @param source         the source object findings go to: the ServiceAccount, or the AzureIdentityBinding
     * @param azureIdentity  what the workload used on Azure, for the reviewer
     * @param clientIds      Azure client ids, for the {@code az role assignment list} hint
     */
    record Target(String namespace, String serviceAccount, String roleName, KubeObject source,
                  String azureIdentity, List<String> clientIds) {

        /** {@code system:serviceaccount:NS:SA}, the token subject (EDGES.md §1.6). */
        String subject() {
            return "system:serviceaccount:" + IdentitySettings.namespaceOrDefault(namespace) + ":" + serviceAccount;
        }

        String ref() {
            return IdentitySettings.namespaceOrDefault(namespace) + "/" + serviceAccount;
        }
    }

    private RoleTargets() {
    }

    static List<Target> of(RuleContext context) {
        IdentitySettings settings = IdentitySettings.of(context.settings());
        List<Target> targets = new ArrayList<>();
        for (KubeObject sa : context.estate().ofKind("ServiceAccount")) {
            String clientId = sa.annotations().getOrDefault(CLIENT_ID, "").strip();
            if (sa.key().group().isEmpty() && !clientId.isEmpty()) {
                targets.add(new Target(sa.namespace(), sa.name(),
                        settings.roleName(IdentitySettings.namespaceOrDefault(sa.namespace()), sa.name()), sa,
                        "Entra Workload ID client id `" + clientId + "`", List.of(clientId)));
            }
        }
        for (AadBindings.DerivedAccount account : AadBindings.of(context).accounts()) {
            String identities = account.identities().isEmpty()
                    ? "AzureIdentity `" + account.binding().at("/spec/azureIdentity").asText("?")
                    + "` (not in the input)"
                    : account.identities().stream().map(AadBindings::describe).collect(Collectors.joining("; "));
            List<String> clientIds = account.identities().stream()
                    .map(i -> i.at("/spec/clientID").asText("").strip()).filter(c -> !c.isEmpty()).toList();
            targets.add(new Target(account.namespace(), account.name(),
                    settings.roleName(IdentitySettings.namespaceOrDefault(account.namespace()), account.name()),
                    account.binding(), "aad-pod-identity selector `" + account.selector() + "`: " + identities,
                    clientIds));
        }
        targets.sort(Comparator.comparing(Target::roleName).thenComparing(Target::ref));
        return targets;
    }
}
