package dev.ferry.engine.rule.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.Finding;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.rule.RuleInfo;
import dev.ferry.engine.rule.RuleOutput;
import dev.ferry.model.KubeObject;
import java.util.Optional;

/**
 * Checks ExternalSecrets that read a Key Vault store for remote keys in Key Vault syntax ({@code secret/},
 * {@code cert/}, {@code key/}): ExternalSecrets are provider-neutral and are carried as they are, but Secrets Manager
 * names have no object-type prefix.
 */
public final class EsoKeyVaultRemoteRefRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("eso-keyvault-remote-ref-check", "External Secrets Key Vault key syntax",
            "Flags ExternalSecret remote keys written in Key Vault syntax, which AWS Secrets Manager does not understand.",
            Edge.SECRETS, Direction.AKS_TO_EKS);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        if (!object.kind().equals("ExternalSecret") || !EsoAzureKvStoreToAwsRule.VERSIONS.contains(object.apiVersion())
                || !readsKeyVault(object, context)) {
            return;
        }
        for (JsonNode data : object.at("/spec/data")) {
            check(object, data.path("remoteRef").path("key").asText(""), "secret key `"
                    + data.path("secretKey").asText() + "`", output);
        }
        for (JsonNode data : object.at("/spec/dataFrom")) {
            check(object, data.path("extract").path("key").asText(""), "dataFrom extract", output);
            if (data.path("find").path("tags").isObject()) {
                output.change(object).finding(Finding.warning("dataFrom find selects Key Vault secrets by tags "
                        + data.path("find").path("tags").toString() + "; tag the Secrets Manager secrets the same way."));
            }
        }
    }

    private static void check(KubeObject object, String key, String where, RuleOutput output) {
        int slash = key.indexOf('/');
        if (slash < 0) {
            return;
        }
        String prefix = key.substring(0, slash);
        String name = key.substring(slash + 1);
        RuleOutput.ChangeBuilder change = output.change(object)
                .summary("Key Vault remote keys need Secrets Manager names")
                .rationale("EDGES.md §6.5: Key Vault keys read `<name>`, `secret/<name>`, `cert/<name>` or "
                        + "`key/<name>`; Secrets Manager keys are the secret's name or ARN.");
        if (prefix.equals("secret")) {
            change.finding(Finding.warning(where + " reads `" + key + "`: `secret/` is Key Vault syntax. Change the "
                    + "key to the Secrets Manager name (`" + name + "` if recreated under the same name)."));
        } else if (prefix.equals("cert") || prefix.equals("key")) {
            change.finding(Finding.actionRequired(where + " reads Key Vault " + (prefix.equals("cert")
                    ? "certificate" : "key") + " `" + name + "`; Secrets Manager has no such object type. Store the "
                    + "PEM as a Secrets Manager secret and change the key to its name (EDGES.md §6.4, §6.5)."));
        }
    }

    /** True when the referenced store reads Key Vault, or is not in the estate (an AKS estate's stores do). */
    private static boolean readsKeyVault(KubeObject external, RuleContext context) {
        JsonNode ref = external.at("/spec/secretStoreRef");
        String kind = ref.path("kind").asText("SecretStore");
        String namespace = kind.equals("ClusterSecretStore") ? "" : external.namespace();
        Optional<KubeObject> store = context.estate().ofKind(kind).stream()
                .filter(s -> s.key().group().equals(SecretUses.ESO_GROUP) && s.namespace().equals(namespace)
                        && s.name().equals(ref.path("name").asText()))
                .findFirst();
        return store.map(s -> s.at("/spec/provider/azurekv").isObject()).orElse(true);
    }
}
