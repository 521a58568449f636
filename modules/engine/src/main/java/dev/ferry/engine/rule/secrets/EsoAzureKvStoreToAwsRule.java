package dev.ferry.engine.rule.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.Finding;
import dev.ferry.engine.patch.Pointer;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.rule.RuleInfo;
import dev.ferry.engine.rule.RuleOutput;
import dev.ferry.model.KubeObject;
import java.util.Optional;
import java.util.Set;

/**
 * Turns an External Secrets Operator SecretStore or ClusterSecretStore on Azure Key Vault ({@code provider.azurekv})
 * into one on AWS Secrets Manager ({@code provider.aws}): workload identity becomes IRSA through
 * {@code auth.jwt.serviceAccountRef}; managed identity and service principals need a human.
 */
public final class EsoAzureKvStoreToAwsRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("eso-azurekv-store-to-aws", "External Secrets store Key Vault to AWS",
            "Turns an External Secrets Operator store on Azure Key Vault into one on AWS Secrets Manager in the target region.",
            Edge.SECRETS, Direction.AKS_TO_EKS, "aws.region", "identity.mode");
    static final Set<String> VERSIONS = Set.of("external-secrets.io/v1", "external-secrets.io/v1beta1");
    private static final String IAM = "Its role needs `secretsmanager:GetSecretValue` and "
            + "`secretsmanager:DescribeSecret` on the secrets the ExternalSecrets read (EDGES.md §1.10).";

    @Override
    public RuleInfo info() {
        return INFO;
    }

    static boolean isAzureKvStore(KubeObject object) {
        return (object.kind().equals("SecretStore") || object.kind().equals("ClusterSecretStore"))
                && VERSIONS.contains(object.apiVersion()) && object.at("/spec/provider/azurekv").isObject();
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        if (!isAzureKvStore(object)) {
            return;
        }
        JsonNode azure = object.at("/spec/provider/azurekv");
        ObjectNode aws = JsonNodeFactory.instance.objectNode().put("service", "SecretsManager");
        RuleOutput.ChangeBuilder change = output.change(object)
                .summary("External Secrets provider azurekv → aws (Secrets Manager)")
                .rationale("EDGES.md §6.5: `provider.aws` names the service and the region (required); workload "
                        + "identity maps to `auth.jwt.serviceAccountRef` on a ServiceAccount with an IRSA role, and "
                        + "without `auth` the controller's own credentials are used.");
        Optional<String> region = context.settings().text("aws.region");
        region.ifPresentOrElse(r -> aws.put("region", r), () -> change.finding(Finding.missingSetting("aws.region",
                "Set `aws.region`: `provider.aws.region` is required by External Secrets.")));
        String authType = azure.path("authType").asText("ServicePrincipal");
        JsonNode serviceAccount = azure.path("serviceAccountRef");
        boolean podIdentity = "pod-identity".equals(context.settings().text("identity.mode", "irsa"));
        String controller = "Without `auth`, the store uses the External Secrets controller's own credentials: "
                + "associate an IAM role with the controller's ServiceAccount (it then serves every store that omits "
                + "`auth`). " + IAM;
        if (authType.equals("WorkloadIdentity") && serviceAccount.hasNonNull("name") && !podIdentity) {
            ObjectNode ref = JsonNodeFactory.instance.objectNode().put("name", serviceAccount.path("name").asText());
            if (serviceAccount.hasNonNull("namespace")) {
                ref.put("namespace", serviceAccount.path("namespace").asText());
            }
            aws.set("auth", JsonNodeFactory.instance.objectNode().set("jwt",
                    JsonNodeFactory.instance.objectNode().set("serviceAccountRef", ref)));
            change.finding(Finding.info("Workload identity became IRSA: ServiceAccount `" + ref.path("name").asText()
                    + "` needs `eks.amazonaws.com/role-arn` (the identity edge gives it its role). " + IAM));
        } else if (authType.equals("WorkloadIdentity")) {
            change.finding(Finding.warning("Workload identity " + (podIdentity
                    ? "cannot use `auth.jwt` in EKS Pod Identity mode (jwt reads the IRSA annotation). "
                    : "named no ServiceAccount. ") + controller));
        } else if (authType.equals("ManagedIdentity")) {
            change.finding(Finding.actionRequired("The store read Key Vault with a managed identity"
                    + (azure.hasNonNull("identityId") ? " (`" + azure.path("identityId").asText() + "`)" : "")
                    + ", which has no AWS counterpart (EDGES.md §6.5). " + controller));
        } else {
            String secretName = azure.path("authSecretRef").path("clientSecret").path("name").asText(
                    azure.path("authSecretRef").path("clientCertificate").path("name").asText(""));
            change.finding(Finding.actionRequired("The store read Key Vault with service-principal credentials"
                    + (secretName.isBlank() ? "" : " from Secret `" + secretName + "`")
                    + ", which AWS does not accept. Prefer IRSA: add `auth.jwt.serviceAccountRef` naming a "
                    + "ServiceAccount with an IAM role; otherwise " + controller.substring(0, 1).toLowerCase()
                    + controller.substring(1) + " Avoid static access keys (`auth.secretRef`)."));
        }
        String vault = azure.path("vaultUrl").asText("");
        change.finding(Finding.actionRequired("Recreate the secrets this store reads from Key Vault `" + vault
                + "` in AWS Secrets Manager (" + region.orElse("the target region") + ") under the names the "
                + "ExternalSecrets use (`secret/` and `cert/` prefixes are Key Vault syntax)."));
        change.remove(Pointer.of("spec", "provider", "azurekv"))
                .add(Pointer.of("spec", "provider", "aws"), aws);
    }
}
