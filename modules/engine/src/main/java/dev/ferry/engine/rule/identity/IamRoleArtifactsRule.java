package dev.ferry.engine.rule.identity;

import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.Finding;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.rule.RuleInfo;
import dev.ferry.engine.rule.RuleOutput;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes, for every IAM role the identity rules assign, its trust policy ({@code iam/<role>-trust.json}: IRSA per
 * EDGES.md §1.6, Pod Identity per §1.7) and a permissions hint ({@code iam/<role>-permissions-hint.md}) with the
 * Azure-role-to-AWS-action table of §1.10, because the Azure role assignments are not in the manifests.
 */
public final class IamRoleArtifactsRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("identity-iam-role-artifacts",
            "IAM trust policies and permission hints",
            "Writes the trust policy and a permissions hint for every IAM role that replaces an Azure identity.",
            Edge.IDENTITY, Direction.AKS_TO_EKS,
            IdentitySettings.MODE, IdentitySettings.OIDC_PROVIDER, IdentitySettings.ROLE_NAME_PATTERN,
            IdentitySettings.ACCOUNT_ID, IdentitySettings.CLUSTER_NAME, IdentitySettings.REGION);

    /** IAM's default limit on a trust policy (EDGES.md §1.6). */
    private static final int TRUST_POLICY_LIMIT = 2048;

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void finish(RuleContext context, RuleOutput output) {
        IdentitySettings settings = IdentitySettings.of(context.settings());
        Map<String, List<RoleTargets.Target>> byRole = RoleTargets.of(context).stream()
                .collect(Collectors.groupingBy(RoleTargets.Target::roleName, LinkedHashMap::new, Collectors.toList()));
        byRole.forEach((roleName, targets) -> {
            String users = targets.stream().map(t -> "`" + t.ref() + "`").collect(Collectors.joining(", "));
            String trust;
            if (settings.mode() == IdentitySettings.Mode.IRSA) {
                trust = IamDocuments.irsaTrust(settings, targets.stream().map(RoleTargets.Target::subject).toList());
                output.artifact(IamDocuments.trustPath(roleName), trust, "IRSA trust policy of IAM role " + roleName
                        + ": the cluster's OIDC provider may assume it for ServiceAccount " + users
                        + " (EDGES.md §1.6).");
            } else {
                trust = IamDocuments.podIdentityTrust();
                output.artifact(IamDocuments.trustPath(roleName), trust, "EKS Pod Identity trust policy of IAM role "
                        + roleName + " (EDGES.md §1.7).");
            }
            output.artifact(IamDocuments.hintPath(roleName),
                    IamDocuments.permissionsHint(roleName, settings.roleArn(roleName), targets),
                    "How to write the permission policy of IAM role " + roleName + " (EDGES.md §1.10).");
            for (RoleTargets.Target target : targets) {
                if (settings.mode() == IdentitySettings.Mode.IRSA && !settings.hasOidcProvider()) {
                    output.finding(target.source(), Finding.missingSetting(IdentitySettings.OIDC_PROVIDER,
                            "Set `identity.oidcProvider` (from `aws eks describe-cluster --query "
                                    + "cluster.identity.oidc.issuer`, without https://): the trust policy "
                                    + IamDocuments.trustPath(roleName) + " uses a placeholder provider until then."));
                }
                if (targets.size() > 1) {
                    output.finding(target.source(), Finding.warning("IAM role `" + roleName + "` is shared by "
                            + users + " because `identity.roleNamePattern` gives them the same name; its permission "
                            + "policy must suit all of them."));
                }
                if (trust.replaceAll("\\s", "").length() > TRUST_POLICY_LIMIT) {
                    output.finding(target.source(), Finding.actionRequired("The trust policy of IAM role `"
                            + roleName + "` exceeds IAM's default 2048-character limit: request a quota increase "
                            + "or give the ServiceAccounts separate roles (EDGES.md §1.6)."));
                }
            }
        });
    }
}
