package dev.ferry.engine.rule.identity;

import static dev.ferry.engine.rule.identity.AzureIdentityKeys.EKS_ROLE_ARN;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.Finding;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.rule.RuleInfo;
import dev.ferry.engine.rule.RuleOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Generates one ServiceAccount per aad-pod-identity binding selector and namespace (EDGES.md §1.4), named after the
 * selector, with the IRSA role ARN annotation (or, in Pod Identity mode, none: the association is an artifact). The
 * workloads that carried {@code aadpodidbinding} are moved onto it by {@link AadBindingLabelRule}.
 */
public final class AadBindingServiceAccountRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("aad-pod-identity-binding-to-service-account",
            "ServiceAccount for each aad-pod-identity binding",
            "Generates a ServiceAccount with an IAM role for each aad-pod-identity binding selector.",
            Edge.IDENTITY, Direction.AKS_TO_EKS,
            IdentitySettings.MODE, IdentitySettings.ROLE_NAME_PATTERN, IdentitySettings.ACCOUNT_ID,
            IdentitySettings.CLUSTER_NAME, IdentitySettings.REGION);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void finish(RuleContext context, RuleOutput output) {
        IdentitySettings settings = IdentitySettings.of(context.settings());
        for (AadBindings.DerivedAccount account : AadBindings.of(context).accounts()) {
            String roleName = settings.roleName(IdentitySettings.namespaceOrDefault(account.namespace()),
                    account.name());
            String roleArn = settings.roleArn(roleName);
            ObjectNode sa = AadBindings.serviceAccount(settings, account.namespace(), account.name());
            String what = "ServiceAccount `" + account.name() + "`";
            List<Finding> findings = new ArrayList<>(settings.roleFindings(what));
            if (settings.mode() == IdentitySettings.Mode.POD_IDENTITY) {
                findings.add(Finding.actionRequired("Create the Pod Identity association for " + what + " → `"
                        + roleArn + "` (listed in " + PodIdentityAssociationRule.JSON_PATH + ") and install the "
                        + "`eks-pod-identity-agent` add-on."));
            }
            findings.addAll(accountFindings(account));
            findings.add(Finding.actionRequired("Write the permission policy of IAM role `" + roleName + "`: Ferry "
                    + "cannot see the Azure role assignments of the aad-pod-identity identity. See "
                    + IamDocuments.hintPath(roleName) + "."));
            String identities = account.identities().stream().map(AadBindings::describe)
                    .collect(Collectors.joining("; "));
            output.generate(sa, "ServiceAccount " + account.name() + " replaces aad-pod-identity selector "
                            + account.selector(),
                    "EDGES.md §1.4/§1.9: pods labelled `aadpodidbinding: " + account.selector() + "` got "
                            + (identities.isEmpty() ? "an Azure identity" : identities)
                            + " through AzureIdentityBinding `"
                            + AadBindings.ref(account.binding()) + "`. On EKS an IAM role (`" + roleArn + "`) is bound "
                            + "to a ServiceAccount instead"
                            + (settings.mode() == IdentitySettings.Mode.IRSA ? " through `" + EKS_ROLE_ARN + "`."
                            : " through an EKS Pod Identity association."),
                    findings.toArray(Finding[]::new));
        }
    }

    private static List<Finding> accountFindings(AadBindings.DerivedAccount account) {
        List<Finding> findings = new ArrayList<>();
        if (account.crossNamespace()) {
            findings.add(Finding.warning("The binding for selector `" + account.selector() + "` is in namespace `"
                    + IdentitySettings.namespaceOrDefault(account.binding().namespace()) + "`, but pods in `"
                    + IdentitySettings.namespaceOrDefault(account.namespace()) + "` used it (aad-pod-identity "
                    + "matched across namespaces); this ServiceAccount gives them their own role."));
        }
        if (account.bindings().size() > 1 || account.identities().size() > 1) {
            findings.add(Finding.warning("Several Azure identities were bound to selector `" + account.selector()
                    + "`; on EKS one role serves the ServiceAccount, so its permission policy must cover all of "
                    + "them."));
        }
        if (account.identities().isEmpty()) {
            findings.add(Finding.warning("AzureIdentity `" + account.binding().at("/spec/azureIdentity").asText("")
                    + "` named by the binding is not in the input; its permissions cannot be hinted."));
        }
        return findings;
    }
}
