package dev.ferry.engine.rule.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

/**
 * Removes {@code nodePublishSecretRef} (Key Vault service-principal credentials) from Secrets Store CSI volumes of
 * workloads whose class reads Key Vault: ASCP ignores it and authenticates as the pod's ServiceAccount. The whole
 * {@code volumes} array is replaced.
 */
public final class NodePublishSecretRefRemovalRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("keyvault-node-publish-secret-ref-removal",
            "Key Vault credentials removed from CSI volumes",
            "Removes the Key Vault service-principal nodePublishSecretRef from Secrets Store CSI volumes, because the AWS provider authenticates with the pod's IAM role.",
            Edge.SECRETS, Direction.AKS_TO_EKS, "identity.mode");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        List<CsiVolume> edited = SecretsStoreCsi.csiVolumes(object).stream()
                .filter(v -> hasRef(v.volume()))
                .filter(v -> SecretsStoreCsi.readsKeyVault(context.estate(), v))
                .toList();
        if (edited.isEmpty()) {
            return;
        }
        String specPointer = edited.get(0).specPointer();
        ArrayNode volumes = object.at(specPointer + "/volumes").deepCopy();
        for (CsiVolume volume : edited) {
            ((ObjectNode) volumes.get(volume.index()).path("csi")).remove("nodePublishSecretRef");
        }
        String how = "pod-identity".equals(context.settings().text("identity.mode", "irsa"))
                ? "an EKS Pod Identity association" : "an IRSA role (`eks.amazonaws.com/role-arn`)";
        RuleOutput.ChangeBuilder change = output.change(object)
                .summary("nodePublishSecretRef removed from " + edited.size() + " Secrets Store CSI volume(s)")
                .rationale("EDGES.md §6.4: ASCP authenticates with the pod's IAM role (IRSA or Pod Identity), "
                        + "not with service-principal credentials passed through nodePublishSecretRef.")
                .replace(specPointer + "/volumes", volumes);
        for (CsiVolume volume : edited) {
            change.finding(Finding.actionRequired("Volume `" + volume.volume().path("name").asText()
                    + "` read Key Vault with the service-principal credentials in Secret `"
                    + volume.credentialsSecret() + "`. On EKS ASCP authenticates as ServiceAccount `"
                    + volume.serviceAccount() + "` through " + how + ": make sure the identity edge gives it a role "
                    + "allowed `secretsmanager:GetSecretValue` and `secretsmanager:DescribeSecret` on the secrets of "
                    + "SecretProviderClass `" + volume.className() + "`."));
        }
    }

    private static boolean hasRef(JsonNode volume) {
        return volume.path("csi").has("nodePublishSecretRef");
    }
}
