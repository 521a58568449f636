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

/**
 * Turns an External Secrets Operator SecretStore or ClusterSecretStore on AWS ({@code provider.aws}, Secrets Manager
 * or Parameter Store) into one on Azure Key Vault ({@code provider.azurekv}) with workload identity: the IRSA
 * ServiceAccount of {@code auth.jwt.serviceAccountRef} becomes {@code serviceAccountRef} (EDGES.md §6.5).
 */
public final class EsoAwsStoreToAzureKvRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("eso-aws-store-to-azurekv", "External Secrets store AWS to Key Vault",
            "Turns an External Secrets Operator store on AWS Secrets Manager or Parameter Store into one on Azure Key Vault with workload identity.",
            Edge.SECRETS, Direction.EKS_TO_AKS, KeyVaultNames.SETTING, "azure.tenantId");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    static boolean isAwsStore(KubeObject object) {
        return (object.kind().equals("SecretStore") || object.kind().equals("ClusterSecretStore"))
                && EsoAzureKvStoreToAwsRule.VERSIONS.contains(object.apiVersion())
                && object.at("/spec/provider/aws").isObject();
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        if (!isAwsStore(object)) {
            return;
        }
        JsonNode aws = object.at("/spec/provider/aws");
        ObjectNode azure = JsonNodeFactory.instance.objectNode();
        RuleOutput.ChangeBuilder change = output.change(object)
                .summary("External Secrets provider aws → azurekv")
                .rationale("EDGES.md §6.5: `provider.azurekv` names the vault by URL; IRSA through "
                        + "`auth.jwt.serviceAccountRef` becomes `authType: WorkloadIdentity` with `serviceAccountRef` "
                        + "(a ServiceAccount annotated with `azure.workload.identity/client-id`).");
        String prefix = aws.path("prefix").asText("");
        Optional<String> vault = prefix.isEmpty() ? KeyVaultNames.fallbackVault(context.settings())
                : Optional.of(KeyVaultNames.map(prefix, context.settings()).vault()).filter(v -> !v.isEmpty());
        azure.put("vaultUrl", "https://" + vault.orElse(KeyVaultNames.VAULT_PLACEHOLDER) + ".vault.azure.net");
        if (vault.isEmpty()) {
            change.finding(Finding.missingSetting(KeyVaultNames.SETTING, "The Key Vault of this store is unknown: "
                    + "set `keyVault.names` (one vault, `\"*\"`, or the store's prefix `" + prefix + "`); the "
                    + "store shows " + KeyVaultNames.VAULT_PLACEHOLDER + " until then."));
        }
        azure.put("authType", "WorkloadIdentity");
        context.settings().text("azure.tenantId").ifPresent(t -> azure.put("tenantId", t));
        JsonNode serviceAccount = aws.path("auth").path("jwt").path("serviceAccountRef");
        if (serviceAccount.isObject()) {
            azure.set("serviceAccountRef", serviceAccount.deepCopy());
            change.finding(Finding.info("ServiceAccount `" + serviceAccount.path("name").asText() + "` now needs a "
                    + "Workload ID client id (the identity edge moves its IRSA role) and Key Vault Secrets User on "
                    + "the vault (EDGES.md §1.10)."));
        } else if (aws.path("auth").path("secretRef").isObject()) {
            change.finding(Finding.actionRequired("The store used static AWS access keys (`auth.secretRef`), "
                    + "which Key Vault does not accept. It now uses the External Secrets controller's workload "
                    + "identity: federate the controller's ServiceAccount, or add `serviceAccountRef`; then delete "
                    + "the access-key Secret."));
        } else {
            change.finding(Finding.actionRequired("The store used the controller's own AWS credentials; with "
                    + "`authType: WorkloadIdentity` and no `serviceAccountRef` it uses the controller's "
                    + "ServiceAccount: give it a Workload ID client id and Key Vault Secrets User."));
        }
        if (aws.path("service").asText("SecretsManager").equals("ParameterStore")) {
            change.finding(Finding.warning("The store read SSM Parameter Store; parameters become Key Vault secrets "
                    + "whose names cannot hold `/` (the ExternalSecrets' keys are adapted by "
                    + "eso-aws-remote-ref-to-keyvault)."));
        }
        if (aws.has("role") || aws.has("additionalRoles") || aws.has("externalID")) {
            change.finding(Finding.warning("The store assumed further AWS roles (role / additionalRoles / "
                    + "externalID); Key Vault access is granted to the identity directly with Azure RBAC."));
        }
        change.finding(Finding.actionRequired("Import the secrets this store reads into Key Vault `"
                + vault.orElse(KeyVaultNames.VAULT_PLACEHOLDER) + "` under the names the ExternalSecrets use."));
        change.remove(Pointer.of("spec", "provider", "aws"))
                .add(Pointer.of("spec", "provider", "azurekv"), azure);
    }
}
