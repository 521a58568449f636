package dev.ferry.engine.rule.secrets;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.stream.Collectors;

/**
 * Switches a SecretProviderClass from {@code provider: azure} to {@code provider: aws}: removes the Key Vault and
 * Azure identity parameters, sets {@code region}, and sets {@code usePodIdentity: "true"} in EKS Pod Identity mode.
 * Says how the mounting pods authenticate on EKS. The {@code objects} parameter is the next rule's.
 */
public final class KeyVaultProviderToAwsRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("keyvault-provider-to-aws", "Key Vault provider to AWS provider",
            "Switches a SecretProviderClass from the Azure Key Vault provider to the AWS provider (ASCP) and replaces its Azure parameters with the region and the identity mode.",
            Edge.SECRETS, Direction.AKS_TO_EKS, "aws.region", "identity.mode");

    /** Azure provider parameters with no ASCP meaning (EDGES.md §6.2); {@code usePodIdentity} is handled apart. */
    static final List<String> AZURE_PARAMETERS = List.of("keyvaultName", "tenantID", "tenantId", "clientID",
            "useAzureTokenProxy", "useVMManagedIdentity", "userAssignedIdentityID", "cloudName", "cloudEnvFileName");
    private static final String IAM = "The role needs `secretsmanager:GetSecretValue` and "
            + "`secretsmanager:DescribeSecret` on the secrets (EDGES.md §1.10).";

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        if (!SecretsStoreCsi.isAzureClass(object)) {
            return;
        }
        JsonNode parameters = object.at("/spec/parameters");
        RuleOutput.ChangeBuilder change = output.change(object)
                .summary("SecretProviderClass provider azure → aws")
                .rationale("EDGES.md §6.4: the vault is implicit in AWS (account and region), and the identity moves "
                        + "from SecretProviderClass parameters to the pod's ServiceAccount (IRSA) or a Pod Identity "
                        + "association; ASCP reads `region` and `usePodIdentity` (EDGES.md §6.3).")
                .replace(Pointer.of("spec", "provider"), "aws");
        for (String name : AZURE_PARAMETERS) {
            if (parameters.has(name)) {
                change.remove(Pointer.of("spec", "parameters", name));
            }
        }
        boolean podIdentity = "pod-identity".equals(context.settings().text("identity.mode", "irsa"));
        if (podIdentity) {
            change.add(Pointer.of("spec", "parameters", "usePodIdentity"), "true");
        } else if (parameters.has("usePodIdentity")) {
            change.remove(Pointer.of("spec", "parameters", "usePodIdentity"));
        }
        Optional<String> region = context.settings().text("aws.region");
        if (parameters.has("region")) {
            change.finding(Finding.info("Kept the existing `region` parameter `" + parameters.path("region").asText()
                    + "`."));
        } else if (region.isPresent()) {
            change.add(Pointer.of("spec", "parameters", "region"), region.get());
        } else {
            change.finding(Finding.missingSetting("aws.region", "Set `aws.region` so the SecretProviderClass names "
                    + "the Secrets Manager region; without it ASCP falls back to the node's region label."));
        }
        change.finding(identityFinding(object, parameters, context, podIdentity));
        if (object.apiVersion().endsWith("/v1alpha1")) {
            change.finding(Finding.warning("`" + object.apiVersion() + "` is deprecated; `" + SecretsStoreCsi.GROUP
                    + "/v1` has the same schema. Change the apiVersion before applying to a current driver."));
        }
    }

    private static Finding identityFinding(KubeObject object, JsonNode parameters, RuleContext context,
                                           boolean podIdentity) {
        List<SecretsStoreCsi.CsiVolume> mounters =
                SecretsStoreCsi.mounters(context.estate(), object.namespace(), object.name());
        String who = mounters.isEmpty() ? "No workload in the estate mounts this class."
                : "Mounted by " + mounters.stream().map(SecretsStoreCsi.CsiVolume::describe).distinct()
                .collect(Collectors.joining(", ")) + ".";
        String how = podIdentity ? "an EKS Pod Identity association" : "an IRSA role (`eks.amazonaws.com/role-arn`)";
        String target = "ASCP authenticates as the mounting pod's ServiceAccount through " + how + ". ";
        if (!parameters.path("clientID").asText("").isBlank()) {
            return Finding.info("Key Vault was read with workload identity (clientID). " + target
                    + "The identity edge gives the ServiceAccount its role. " + IAM + " " + who);
        }
        if (bool(parameters, "useVMManagedIdentity")) {
            return Finding.actionRequired("Key Vault was read with the node's managed identity; ASCP does not use the "
                    + "node role (EDGES.md §6.4). " + target + "Give each mounting ServiceAccount a role. " + IAM + " "
                    + who);
        }
        if (bool(parameters, "usePodIdentity")) {
            return Finding.warning("Key Vault was read with aad-pod-identity (deprecated). " + target
                    + "Check that the identity edge maps the AzureIdentityBinding to the pods' ServiceAccount. " + IAM
                    + " " + who);
        }
        return Finding.actionRequired("Key Vault was read with service-principal credentials from the pods' "
                + "`nodePublishSecretRef` Secret; ASCP does not use them. " + target
                + "Give each mounting ServiceAccount a role. " + IAM + " " + who);
    }

    private static boolean bool(JsonNode parameters, String name) {
        return "true".equalsIgnoreCase(parameters.path(name).asText("").strip());
    }
}
