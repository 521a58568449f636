package dev.ferry.engine.rule.identity;

import static dev.ferry.engine.rule.identity.AzureIdentityKeys.CLIENT_ID;
import static dev.ferry.engine.rule.identity.AzureIdentityKeys.EKS_ROLE_ARN;
import static dev.ferry.engine.rule.identity.AzureIdentityKeys.TENANT_ID;
import static dev.ferry.engine.rule.identity.AzureIdentityKeys.USE_LABEL;

import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.Finding;
import dev.ferry.engine.patch.Pointer;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.rule.RuleInfo;
import dev.ferry.engine.rule.RuleOutput;
import dev.ferry.model.KubeObject;

/**
 * Moves a ServiceAccount from Entra Workload ID to an IAM role: the {@code azure.workload.identity/client-id} and
 * {@code tenant-id} annotations and the legacy {@code azure.workload.identity/use} label go; in IRSA mode the
 * {@code eks.amazonaws.com/role-arn} annotation comes in their place, in Pod Identity mode nothing does (the
 * association lives in the EKS API). The role's trust policy and permission hint are written by
 * {@link IamRoleArtifactsRule}.
 */
public final class WorkloadIdentityServiceAccountRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("workload-id-sa-to-aws-role",
            "Workload ID ServiceAccount to IAM role",
            "Replaces the Entra Workload ID client id of a ServiceAccount with an IRSA role ARN annotation, or with "
                    + "an EKS Pod Identity association.",
            Edge.IDENTITY, Direction.AKS_TO_EKS,
            IdentitySettings.MODE, IdentitySettings.ROLE_NAME_PATTERN, IdentitySettings.ACCOUNT_ID,
            IdentitySettings.CLUSTER_NAME, IdentitySettings.REGION);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        if (!object.isKind("", "ServiceAccount")) {
            return;
        }
        String clientId = object.annotations().getOrDefault(CLIENT_ID, "").strip();
        boolean hasTenant = object.annotations().containsKey(TENANT_ID);
        boolean hasLabel = object.labels().containsKey(USE_LABEL);
        if (clientId.isEmpty() && !hasTenant && !hasLabel) {
            return;
        }
        RuleOutput.ChangeBuilder change = output.change(object);
        if (object.annotations().containsKey(CLIENT_ID)) {
            change.remove(Pointer.of("metadata", "annotations", CLIENT_ID));
        }
        if (hasTenant) {
            change.remove(Pointer.of("metadata", "annotations", TENANT_ID));
            change.finding(Finding.info("Dropped `" + TENANT_ID + "`: an IAM role ARN names its account, so there is "
                    + "no tenant to carry. If this identity lived in another tenant, the role may belong in another "
                    + "AWS account (cross-account role chaining)."));
        }
        if (hasLabel) {
            change.remove(Pointer.of("metadata", "labels", USE_LABEL));
        }
        if (clientId.isEmpty()) {
            change.summary("Remove Entra Workload ID keys from ServiceAccount " + object.name())
                    .rationale("EDGES.md §1.1/§1.2: the Workload ID keys do nothing on EKS. The ServiceAccount has "
                            + "no "
                            + "`" + CLIENT_ID + "`, so no IAM role is assigned.")
                    .finding(Finding.warning("ServiceAccount `" + object.name() + "` carries Workload ID keys but no "
                            + "client id; no IAM role was assigned. If its pods call AWS, add an IAM role by hand."));
            return;
        }
        IdentitySettings settings = IdentitySettings.of(context.settings());
        String roleName = settings.roleName(IdentitySettings.namespaceOrDefault(object.namespace()), object.name());
        String roleArn = settings.roleArn(roleName);
        settings.roleFindings("ServiceAccount `" + object.name() + "`").forEach(change::finding);
        if (settings.mode() == IdentitySettings.Mode.IRSA) {
            change.add(Pointer.of("metadata", "annotations", EKS_ROLE_ARN), roleArn)
                    .summary("IRSA role " + roleName + " for ServiceAccount " + object.name())
                    .rationale("EDGES.md §1.9: the Workload ID client id (`" + clientId + "`) becomes an IAM role "
                            + "assumed through IRSA; `" + EKS_ROLE_ARN + "` (EDGES.md §1.5) names it. The role name "
                            + "follows `identity.roleNamePattern`.");
        } else {
            change.summary("EKS Pod Identity role " + roleName + " for ServiceAccount " + object.name())
                    .rationale("EDGES.md §1.7/§1.9: with EKS Pod Identity the ServiceAccount carries no annotation; "
                            + "the Workload ID client id (`" + clientId + "`) becomes the IAM role `" + roleArn
                            + "`, associated with this ServiceAccount through the EKS API.")
                    .finding(Finding.actionRequired("Create the Pod Identity association for ServiceAccount `"
                            + object.name() + "` → `" + roleArn + "` (listed in "
                            + PodIdentityAssociationRule.JSON_PATH + ") and make sure the `eks-pod-identity-agent` "
                            + "add-on is installed; apps need a recent AWS SDK (EDGES.md §1.7)."));
        }
        change.finding(Finding.actionRequired("Write the permission policy of IAM role `" + roleName + "`: Ferry "
                + "cannot see the Azure role assignments of client id `" + clientId + "`. See "
                + IamDocuments.hintPath(roleName) + " for how to list them and the closest AWS actions."));
    }
}
