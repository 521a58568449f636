package dev.ferry.engine.rule.identity;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.model.io.Yaml;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** IAM documents Ferry writes as artifacts: trust policies (EDGES.md §1.6, §1.7) and permission hints (§1.10). */
final class IamDocuments {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private IamDocuments() {
    }

    static String trustPath(String roleName) {
        return "iam/" + roleName + "-trust.json";
    }

    static String hintPath(String roleName) {
        return "iam/" + roleName + "-permissions-hint.md";
    }

    /**
     * IRSA trust (EDGES.md §1.6): the cluster's OIDC provider may assume the role for exactly these ServiceAccount
     * subjects with audience {@code sts.amazonaws.com}. Several subjects (a role name shared through the pattern)
     * become a list.
     */
    static String irsaTrust(IdentitySettings settings, List<String> subjects) {
        String provider = settings.oidcProvider();
        ObjectNode statement = JSON.objectNode();
        statement.put("Effect", "Allow");
        statement.putObject("Principal").put("Federated", settings.oidcProviderArn());
        statement.put("Action", "sts:AssumeRoleWithWebIdentity");
        ObjectNode equals = statement.putObject("Condition").putObject("StringEquals");
        Set<String> unique = new LinkedHashSet<>(subjects);
        if (unique.size() == 1) {
            equals.put(provider + ":sub", unique.iterator().next());
        } else {
            ArrayNode list = equals.putArray(provider + ":sub");
            unique.forEach(list::add);
        }
        equals.put(provider + ":aud", "sts.amazonaws.com");
        return policy(statement);
    }

    /** Pod Identity trust (EDGES.md §1.7): the EKS Pod Identity service, with no per-cluster condition. */
    static String podIdentityTrust() {
        ObjectNode statement = JSON.objectNode();
        statement.put("Effect", "Allow");
        statement.putObject("Principal").put("Service", "pods.eks.amazonaws.com");
        statement.putArray("Action").add("sts:AssumeRole").add("sts:TagSession");
        return policy(statement);
    }

    private static String policy(ObjectNode statement) {
        ObjectNode policy = JSON.objectNode();
        policy.put("Version", "2012-10-17");
        policy.putArray("Statement").add(statement);
        return Yaml.writeJson(policy) + "\n";
    }

    /** The Markdown a human reads to write the role's permission policy. */
    static String permissionsHint(String roleName, String roleArn, List<RoleTargets.Target> targets) {
        StringBuilder md = new StringBuilder();
        md.append("# Permissions for IAM role `").append(roleName).append("`\n\n");
        md.append("Role ARN: `").append(roleArn).append("`\n\n");
        md.append("Used by:\n\n");
        Set<String> clientIds = new LinkedHashSet<>();
        for (RoleTargets.Target target : targets) {
            md.append("- ServiceAccount `").append(target.ref()).append("`, on Azure: ").append(target.azureIdentity())
                    .append('\n');
            clientIds.addAll(target.clientIds());
        }
        md.append("""

                ## What Ferry cannot see

                On Azure the permissions of this identity are Azure RBAC role assignments on resource scopes. They live
                in Azure Resource Manager, not in Kubernetes manifests, so Ferry cannot see them and wrote no permission
                policy. The trust policy is in `""").append(trustPath(roleName)).append("""
                `; this role has no permissions until you attach a policy.

                List the identity's role assignments:

                ```sh
                """);
        if (clientIds.isEmpty()) {
            md.append("az role assignment list --all --assignee <client id of the managed identity> -o table\n");
        }
        for (String clientId : clientIds) {
            md.append("az role assignment list --all --assignee ").append(clientId).append(" -o table\n");
        }
        md.append("""
                ```

                For each assignment, find the role below and grant the listed actions on the AWS resource that
                replaces the Azure scope (least privilege: name resource ARNs, avoid `*`). Then attach the policy:

                ```sh
                aws iam put-role-policy --role-name\s""").append(roleName).append("""
                 --policy-name app --policy-document file://policy.json
                ```

                ## Common Azure built-in roles and the closest AWS actions

                """);
        md.append(AzureRoleHints.TABLE).append('\n');
        md.append(AzureRoleHints.KMS_NOTE).append(" The mappings are functional approximations: the services are not ")
                .append("identical.\n\n").append(AzureRoleHints.SOURCE).append(" (EDGES.md §1.10)\n");
        return md.toString();
    }
}
