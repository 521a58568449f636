package dev.ferry.engine.rule.identity;

import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.Finding;
import dev.ferry.engine.patch.Pointer;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.rule.RuleInfo;
import dev.ferry.engine.rule.RuleOutput;
import dev.ferry.model.KubeObject;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Moves a ServiceAccount from an AWS role (IRSA annotation, or an EKS Pod Identity association in the manifests) to
 * Entra Workload ID: {@code eks.amazonaws.com/role-arn}, {@code audience} and {@code sts-regional-endpoints} go, and
 * {@code azure.workload.identity/client-id} comes from {@code identity.clientIds} (a placeholder and an
 * action-required finding when unknown). The identity and its federated credential are written by
 * {@link ManagedIdentityArtifactsRule}.
 */
public final class IrsaServiceAccountToWorkloadIdRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("irsa-sa-to-workload-id", "IRSA ServiceAccount to Workload ID",
            "Replaces the IRSA role annotations of a ServiceAccount, or its EKS Pod Identity association, with the Entra Workload ID client id annotation.",
            Edge.IDENTITY, Direction.EKS_TO_AKS, AwsIdentities.CLIENT_IDS);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        if (!object.isKind("", "ServiceAccount")) {
            return;
        }
        Optional<AwsIdentities.Target> target = AwsIdentities.find(context, object.namespace(), object.name());
        boolean needsClientId = target.isPresent()
                && !object.annotations().containsKey(AzureIdentityKeys.CLIENT_ID);
        List<String> awsKeys = Stream.of(AzureIdentityKeys.EKS_ROLE_ARN, AwsIdentities.AUDIENCE,
                AwsIdentities.STS_REGIONAL).filter(object.annotations()::containsKey).toList();
        if (awsKeys.isEmpty() && !needsClientId) {
            return;
        }
        RuleOutput.ChangeBuilder change = output.change(object);
        awsKeys.forEach(key -> change.remove(Pointer.of("metadata", "annotations", key)));
        if (!needsClientId) {
            change.summary("Remove EKS token annotations from ServiceAccount " + object.name())
                    .rationale("EDGES.md §10.1: `" + AwsIdentities.AUDIENCE + "` and `" + AwsIdentities.STS_REGIONAL
                            + "` only configure the EKS webhook (Workload ID always uses audience "
                            + "`api://AzureADTokenExchange`), and the ServiceAccount already names its Workload ID "
                            + "identity or has no AWS role.");
            return;
        }
        AwsIdentities.Target t = target.get();
        Optional<String> clientId = AwsIdentities.clientId(context.settings(), t);
        change.add(Pointer.of("metadata", "annotations", AzureIdentityKeys.CLIENT_ID),
                        clientId.orElse(AwsIdentities.CLIENT_ID_PLACEHOLDER))
                .summary("Workload ID client id for ServiceAccount " + object.name())
                .rationale("EDGES.md §1.9/§10.1: the AWS role (" + t.via() + (t.roleArn().isEmpty() ? ""
                        : ", `" + t.roleArn() + "`") + ") becomes a user-assigned managed identity federated with "
                        + "this ServiceAccount; `" + AzureIdentityKeys.CLIENT_ID + "` names it (EDGES.md §1.1). "
                        + "Pods also need the label `" + AzureIdentityKeys.USE_LABEL + ": \"true\"`, added by "
                        + "workload-id-use-label-for-aws-roles.");
        if (clientId.isEmpty()) {
            change.finding(Finding.missingSetting(AwsIdentities.CLIENT_IDS, "ServiceAccount `" + t.ref() + "` has "
                    + "the placeholder client id " + AwsIdentities.CLIENT_ID_PLACEHOLDER + ": create the managed "
                    + "identity (artifacts/" + ManagedIdentityArtifactsRule.SCRIPT + ") and set `identity.clientIds: {"
                    + t.ref() + ": <client id>}` in settings.yaml."));
        }
        change.finding(Finding.actionRequired("Grant the managed identity of `" + t.ref() + "` Azure RBAC roles that "
                + "match what the AWS role allowed; see artifacts/" + ManagedIdentityArtifactsRule.HINTS
                + " (EDGES.md §1.10)."));
    }
}
