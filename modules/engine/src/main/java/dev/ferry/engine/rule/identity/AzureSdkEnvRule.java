package dev.ferry.engine.rule.identity;

import com.fasterxml.jackson.databind.JsonNode;
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

/**
 * Warns about containers that set or reference the Azure identity environment ({@code AZURE_CLIENT_ID},
 * {@code AZURE_TENANT_ID}, {@code AZURE_FEDERATED_TOKEN_FILE}, {@code AZURE_AUTHORITY_HOST}): the application reads
 * Azure credentials and must switch to the AWS SDK credential chain (EDGES.md §1.2, §1.9). Nothing is rewritten,
 * because the variables may also configure Azure clients the application keeps.
 */
public final class AzureSdkEnvRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("workload-id-azure-sdk-env",
            "Azure credential environment in containers",
            "Warns about containers whose environment carries Azure identity variables, since their code must "
                    + "switch to the AWS SDK credential chain.",
            Edge.IDENTITY, Direction.AKS_TO_EKS);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        for (PodTemplates.ContainerRef container : PodTemplates.containers(object)) {
            List<String> found = new ArrayList<>();
            for (JsonNode env : container.container().path("env")) {
                String name = env.path("name").asText("");
                String value = env.path("value").asText("");
                for (String azure : AzureIdentityKeys.AZURE_SDK_ENV) {
                    if ((name.equals(azure) || value.contains("$(" + azure + ")")) && !found.contains(azure)) {
                        found.add(azure);
                    }
                }
            }
            if (!found.isEmpty()) {
                output.change(object)
                        .summary("Azure credential environment in " + object.kind() + " " + object.name())
                        .rationale("EDGES.md §1.9: an app that reads the Azure Workload ID environment uses "
                                + "DefaultAzureCredential / WorkloadIdentityCredential; on EKS it gets AWS credentials "
                                + "from the AWS SDK default chain (AWS_ROLE_ARN, AWS_WEB_IDENTITY_TOKEN_FILE or the "
                                + "Pod Identity container credentials).")
                        .finding(Finding.warning("Container `" + container.name() + "` of " + object.kind() + " `"
                                + object.name() + "` sets or references " + String.join(", ", found)
                                + ": change the application to the AWS SDK default credential chain; Ferry did not "
                                + "rewrite these variables."));
            }
        }
    }
}
