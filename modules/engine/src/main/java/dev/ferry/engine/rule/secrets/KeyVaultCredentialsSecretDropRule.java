package dev.ferry.engine.rule.secrets;

import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.Finding;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.rule.RuleInfo;
import dev.ferry.engine.rule.RuleOutput;
import dev.ferry.engine.rule.secrets.SecretsStoreCsi.CsiVolume;
import dev.ferry.model.KubeObject;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Drops the Secret that held Key Vault service-principal credentials for Secrets Store CSI volumes (commonly
 * {@code secrets-store-creds}): ASCP does not read it. A Secret that pods also use otherwise is kept with a warning.
 */
public final class KeyVaultCredentialsSecretDropRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("keyvault-credentials-secret-drop", "Key Vault credentials Secret dropped",
            "Drops the Secret that only passed Key Vault service-principal credentials to Secrets Store CSI volumes, because the AWS provider authenticates with the pod's IAM role.",
            Edge.SECRETS, Direction.AKS_TO_EKS);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        if (!SecretUses.isSecret(object) || SecretUses.isPullSecret(object)
                || SecretUses.writer(context.estate(), object).isPresent()) {
            return;
        }
        List<CsiVolume> uses = SecretsStoreCsi.credentialUses(context.estate(), object);
        if (uses.isEmpty()) {
            return;
        }
        String users = uses.stream().map(v -> v.workload().kind() + "/" + v.workload().name()).distinct()
                .collect(Collectors.joining(", "));
        List<String> other = SecretUses.podReferences(context.estate(), object);
        if (!other.isEmpty()) {
            output.change(object)
                    .summary("Key Vault credentials Secret kept: also used elsewhere")
                    .rationale("EDGES.md §6.4: ASCP does not read nodePublishSecretRef credentials.")
                    .finding(Finding.warning("This Secret passed Key Vault service-principal credentials to the "
                            + "Secrets Store CSI volumes of " + users + ", which EKS no longer needs, but it is also "
                            + "used by " + String.join(", ", other) + ", so it is carried. Remove the service-principal "
                            + "keys if those uses do not need them."));
            return;
        }
        output.drop(object, "Key Vault credentials Secret not carried",
                "EDGES.md §6.4: this Secret only passed Azure service-principal credentials to the Secrets Store CSI "
                        + "volumes of " + users + " (nodePublishSecretRef, removed there). ASCP authenticates with the "
                        + "pod's IAM role, so the credentials have no use on EKS.",
                Finding.info("Delete the service principal's client secret in Entra ID once the Key Vault is retired."));
    }
}
