package dev.ferry.engine.rule.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.Finding;
import dev.ferry.engine.k8s.PodTemplates;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.rule.RuleInfo;
import dev.ferry.engine.rule.RuleOutput;
import dev.ferry.model.KubeObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Removes the AWS credential plumbing the EKS webhooks inject when a manifest sets it by hand ({@code AWS_ROLE_ARN},
 * {@code AWS_WEB_IDENTITY_TOKEN_FILE}, {@code AWS_STS_REGIONAL_ENDPOINTS}, the Pod Identity container-credential
 * variables): on AKS nothing mounts that token or serves that endpoint. Region and static-key variables are kept and
 * reported, since the application may still call AWS on purpose (EDGES.md §1.5, §1.7, §1.9).
 */
public final class AwsSdkEnvRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("aws-sdk-credential-env", "AWS credential environment in containers",
            "Removes AWS web-identity and Pod Identity credential variables from containers and reports AWS region and key variables.",
            Edge.IDENTITY, Direction.EKS_TO_AKS);

    static final Set<String> REMOVED = Set.of("AWS_ROLE_ARN", "AWS_WEB_IDENTITY_TOKEN_FILE",
            "AWS_STS_REGIONAL_ENDPOINTS", "AWS_CONTAINER_CREDENTIALS_FULL_URI",
            "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE");
    static final Set<String> REPORTED = Set.of("AWS_REGION", "AWS_DEFAULT_REGION", "AWS_ACCESS_KEY_ID",
            "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        for (PodTemplates.ContainerRef container : PodTemplates.containers(object)) {
            ArrayNode kept = JsonNodeFactory.instance.arrayNode();
            List<String> removed = new ArrayList<>();
            List<String> reported = new ArrayList<>();
            for (JsonNode env : container.container().path("env")) {
                String name = env.path("name").asText("");
                if (REMOVED.contains(name)) {
                    removed.add(name);
                } else {
                    kept.add(env);
                    if (REPORTED.contains(name)) {
                        reported.add(name);
                    }
                }
            }
            if (removed.isEmpty() && reported.isEmpty()) {
                continue;
            }
            RuleOutput.ChangeBuilder change = output.change(object)
                    .summary("AWS credential environment in " + object.kind() + " " + object.name())
                    .rationale("EDGES.md §1.5/§1.7/§1.9: the EKS webhooks inject the web-identity token and the "
                            + "Pod Identity endpoint; on AKS neither exists, and the Workload ID webhook injects "
                            + "AZURE_CLIENT_ID, AZURE_TENANT_ID and AZURE_FEDERATED_TOKEN_FILE instead.");
            String where = "Container `" + container.name() + "` of " + object.kind() + " `" + object.name() + "`";
            if (!removed.isEmpty()) {
                String pointer = container.pointer() + "/env";
                if (kept.isEmpty()) {
                    change.remove(pointer);
                } else {
                    change.replace(pointer, kept);
                }
                change.finding(Finding.info(where + ": removed " + String.join(", ", removed)
                        + ", which point at EKS-only credentials."));
            }
            if (!reported.isEmpty()) {
                change.finding(Finding.warning(where + " sets " + String.join(", ", reported) + ": it still talks to "
                        + "AWS. Move it to the Azure service, or give it AWS credentials that work outside EKS "
                        + "(not static keys in the manifest)."));
            }
        }
    }
}
