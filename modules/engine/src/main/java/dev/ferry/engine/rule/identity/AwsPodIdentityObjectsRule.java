package dev.ferry.engine.rule.identity;

import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.Finding;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.rule.RuleInfo;
import dev.ferry.engine.rule.RuleOutput;
import dev.ferry.model.KubeObject;

/**
 * Drops ACK {@code PodIdentityAssociation} objects (an EKS API association, no AKS counterpart) and reports the IAM
 * sections of eksctl {@code ClusterConfig}: each association or IRSA ServiceAccount becomes a managed identity and
 * federated credential in the identity artifacts (EDGES.md §1.7, §1.8, §10.1).
 */
public final class AwsPodIdentityObjectsRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("eks-pod-identity-associations-to-workload-id",
            "EKS Pod Identity associations",
            "Drops ACK PodIdentityAssociation objects and reports eksctl IAM service accounts and Pod Identity associations, which become federated managed identities.",
            Edge.IDENTITY, Direction.EKS_TO_AKS);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        if (object.isKind(AwsIdentities.ACK_GROUP, "PodIdentityAssociation")) {
            String ref = IdentitySettings.namespaceOrDefault(object.at("/spec/namespace").asText("")) + "/"
                    + object.at("/spec/serviceAccount").asText("?");
            output.drop(object, "EKS Pod Identity association for " + ref + " not carried",
                    "EDGES.md §10.1: a Pod Identity association lives in the EKS API; on AKS the same binding is a "
                            + "federated identity credential on a managed identity (EDGES.md §1.3), created outside "
                            + "the cluster.",
                    Finding.actionRequired("Create the managed identity and federated credential for `" + ref
                            + "` (artifacts/" + ManagedIdentityArtifactsRule.SCRIPT + ") and set its client id in "
                            + "`identity.clientIds`."));
            return;
        }
        if (!object.isKind(AwsIdentities.EKSCTL_GROUP, "ClusterConfig")) {
            return;
        }
        int accounts = object.at("/iam/serviceAccounts").size();
        int associations = object.at("/iam/podIdentityAssociations").size();
        if (accounts + associations == 0 && !object.at("/iam/withOIDC").asBoolean(false)) {
            return;
        }
        output.change(object)
                .summary("eksctl identity settings of " + object.name())
                .rationale("EDGES.md §1.8/§10.1: eksctl creates IAM roles, IRSA ServiceAccounts and Pod Identity "
                        + "associations; on AKS these are managed identities with federated credentials, and the "
                        + "cluster needs `--enable-oidc-issuer --enable-workload-identity`.")
                .finding(Finding.actionRequired("ClusterConfig `" + object.name() + "` defines " + accounts
                        + " IRSA ServiceAccount(s) and " + associations + " Pod Identity association(s): create "
                        + "their managed identities with artifacts/" + ManagedIdentityArtifactsRule.SCRIPT
                        + ", create the AKS cluster with the OIDC issuer and Workload ID enabled, and make sure the "
                        + "ServiceAccounts exist in the manifests (eksctl created them)."));
    }
}
