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
import dev.ferry.model.KubeObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Adapts the remote keys of ExternalSecrets that read an AWS store to Key Vault secret names (the name without its
 * {@code keyVault.names} prefix, {@code /} and {@code _} as hyphens, ARNs reduced to the name) and drops AWS version
 * ids and stages; {@code property} keeps selecting a JSON field (EDGES.md §6.5).
 */
public final class EsoAwsRemoteRefToKeyVaultRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("eso-aws-remote-ref-to-keyvault", "External Secrets keys to Key Vault names",
            "Rewrites ExternalSecret remote keys that name AWS secrets or parameters to the Key Vault secret names they are imported under.",
            Edge.SECRETS, Direction.EKS_TO_AKS, KeyVaultNames.SETTING);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        if (!object.kind().equals("ExternalSecret") || !EsoAzureKvStoreToAwsRule.VERSIONS.contains(object.apiVersion())
                || !readsAws(object, context)) {
            return;
        }
        List<String> renamed = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        Optional<ArrayNode> data = rewrite(object.at("/spec/data"), "remoteRef", context, renamed, findings);
        Optional<ArrayNode> dataFrom = rewrite(object.at("/spec/dataFrom"), "extract", context, renamed, findings);
        for (JsonNode entry : object.at("/spec/dataFrom")) {
            if (entry.has("find")) {
                findings.add(Finding.warning("dataFrom find " + entry.path("find") + " selects AWS secrets by name "
                        + "or path; Key Vault names have no `/`: rewrite the expression for the imported names."));
            }
        }
        if (renamed.isEmpty() && findings.isEmpty()) {
            return;
        }
        RuleOutput.ChangeBuilder change = output.change(object)
                .summary("Remote keys of ExternalSecret " + object.name() + " follow Key Vault names")
                .rationale("EDGES.md §6.5: AWS keys are secret names, ARNs or parameter paths; Key Vault keys are "
                        + "secret names of letters, digits and hyphens. Keys: " + String.join("; ", renamed) + ".");
        data.ifPresent(array -> change.replace("/spec/data", array));
        dataFrom.ifPresent(array -> change.replace("/spec/dataFrom", array));
        findings.forEach(change::finding);
    }

    private static Optional<ArrayNode> rewrite(JsonNode entries, String refField, RuleContext context,
                                               List<String> renamed, List<Finding> findings) {
        if (!entries.isArray()) {
            return Optional.empty();
        }
        ArrayNode copy = entries.deepCopy();
        boolean changed = false;
        for (JsonNode entry : copy) {
            JsonNode ref = entry.path(refField);
            if (!ref.isObject() || !ref.path("key").isTextual()) {
                continue;
            }
            String key = ref.path("key").asText();
            KeyVaultNames.Mapped mapped = KeyVaultNames.map(key, context.settings());
            if (mapped.placeholder()) {
                findings.add(Finding.warning("Remote key `" + key + "` is a template placeholder; make it the Key "
                        + "Vault secret name."));
            } else if (!mapped.name().equals(key)) {
                ((ObjectNode) ref).put("key", mapped.name());
                renamed.add(key + " → " + mapped.name());
                changed = true;
            }
            if (ref.has("version")) {
                findings.add(Finding.warning("Remote key `" + key + "` pinned AWS version `"
                        + ref.path("version").asText() + "`; Key Vault versions are other ids, so the pin was removed."));
                ((ObjectNode) ref).remove("version");
                changed = true;
            }
        }
        return changed ? Optional.of(copy) : Optional.empty();
    }

    /** True when the referenced store reads AWS, or is not in the estate (an EKS estate's stores do). */
    private static boolean readsAws(KubeObject external, RuleContext context) {
        JsonNode ref = external.at("/spec/secretStoreRef");
        String kind = ref.path("kind").asText("SecretStore");
        String namespace = kind.equals("ClusterSecretStore") ? "" : external.namespace();
        return context.estate().ofKind(kind).stream()
                .filter(s -> s.key().group().equals(SecretUses.ESO_GROUP) && s.namespace().equals(namespace)
                        && s.name().equals(ref.path("name").asText()))
                .findFirst()
                .map(s -> s.at("/spec/provider/aws").isObject())
                .orElse(true);
    }
}
