package dev.ferry.engine.rule.identity;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.rule.RuleInfo;
import dev.ferry.engine.rule.RuleOutput;
import dev.ferry.model.io.Yaml;
import java.util.List;

/**
 * In Pod Identity mode, lists the EKS Pod Identity associations (cluster, namespace, ServiceAccount, role ARN) that
 * replace Workload ID and aad-pod-identity bindings (EDGES.md §1.7, §1.8): as JSON for
 * {@code aws eks create-pod-identity-association} and as an eksctl {@code ClusterConfig} snippet.
 */
public final class PodIdentityAssociationRule implements Rule {

    static final String JSON_PATH = "identity/pod-identity-associations.json";
    static final String EKSCTL_PATH = "identity/eksctl-pod-identity-associations.yaml";

    static final RuleInfo INFO = RuleInfo.of("identity-pod-identity-associations",
            "EKS Pod Identity associations",
            "Lists the EKS Pod Identity associations that bind each IAM role to its ServiceAccount.",
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
        List<RoleTargets.Target> targets = RoleTargets.of(context);
        if (settings.mode() != IdentitySettings.Mode.POD_IDENTITY || targets.isEmpty()) {
            return;
        }
        JsonNodeFactory json = JsonNodeFactory.instance;
        ArrayNode associations = json.arrayNode();
        ObjectNode eksctl = json.objectNode();
        eksctl.put("apiVersion", "eksctl.io/v1alpha5");
        eksctl.put("kind", "ClusterConfig");
        ObjectNode metadata = eksctl.putObject("metadata");
        metadata.put("name", settings.cluster());
        context.settings().text(IdentitySettings.REGION).ifPresent(region -> metadata.put("region", region));
        ArrayNode eksctlList = eksctl.putObject("iam").putArray("podIdentityAssociations");
        for (RoleTargets.Target target : targets) {
            String namespace = IdentitySettings.namespaceOrDefault(target.namespace());
            String roleArn = settings.roleArn(target.roleName());
            associations.addObject().put("clusterName", settings.cluster()).put("namespace", namespace)
                    .put("serviceAccount", target.serviceAccount()).put("roleArn", roleArn);
            eksctlList.addObject().put("namespace", namespace).put("serviceAccountName", target.serviceAccount())
                    .put("roleARN", roleArn);
        }
        output.artifact(JSON_PATH, Yaml.writeJson(associations) + "\n", "EKS Pod Identity associations, one per "
                + "ServiceAccount: create each with `aws eks create-pod-identity-association --cluster-name C "
                + "--namespace N --service-account S --role-arn R` (EDGES.md §1.7).");
        output.artifact(EKSCTL_PATH, Yaml.write(eksctl), "The same associations as an eksctl ClusterConfig snippet "
                + "(`iam.podIdentityAssociations`, EDGES.md §1.8); the roles must exist first.");
    }
}
