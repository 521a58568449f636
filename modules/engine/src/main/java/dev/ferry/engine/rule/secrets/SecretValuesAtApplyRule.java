package dev.ferry.engine.rule.secrets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.Finding;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.rule.RuleInfo;
import dev.ferry.engine.rule.RuleOutput;
import dev.ferry.model.KubeObject;
import dev.ferry.model.io.Yaml;
import dev.ferry.model.sanitize.SecretRedactor;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Tells the reviewer that every carried Secret arrives without its values (the sanitizer keeps key names and
 * digests only) and names its keys, so the values are supplied at apply time or moved to AWS Secrets Manager.
 * Registry pull Secrets are the registry edge's; Secrets the secrets rules drop get no finding here.
 */
public final class SecretValuesAtApplyRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("secret-values-supplied-at-apply", "Secret values supplied at apply",
            "Marks every carried Secret as needing its values at apply time or a move to AWS Secrets Manager, naming its keys but never its values.",
            Edge.SECRETS, Direction.AKS_TO_EKS);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        if (!SecretUses.isSecret(object) || SecretUses.isPullSecret(object)
                || SecretUses.droppedBySecretsRules(context.estate(), object)) {
            return;
        }
        List<String> keys = keyNames(object);
        if (keys.isEmpty()) {
            return;
        }
        String type = object.at("/type").asText("Opaque");
        String names = "`" + String.join("`, `", keys) + "`";
        RuleOutput.ChangeBuilder change = output.change(object)
                .summary("Secret carried without values (" + keys.size() + " key(s))")
                .rationale("DESIGN.md: secret values never leave the source; the bundle carries key names and value "
                        + "digests (`" + SecretRedactor.DIGESTS_ANNOTATION + "`) only.");
        if (type.startsWith("helm.sh/release")) {
            change.finding(Finding.warning("This is a Helm release record (type `" + type + "`), carried without its "
                    + "content. Install the chart with Helm on the target instead of applying this Secret."));
            return;
        }
        change.finding(Finding.actionRequired("Secret `" + object.name() + "` (type `" + type + "`) is carried "
                + "without its values; keys: " + names + ". Supply the values at apply time, or store them in AWS "
                + "Secrets Manager and deliver them with a SecretProviderClass (provider aws) or an External Secrets "
                + "ExternalSecret. The digests in `" + SecretRedactor.DIGESTS_ANNOTATION + "` let you check that "
                + "the values you supply are the same."));
    }

    /** Key names from the digest annotation (values are never present after sanitizing), sorted. */
    static List<String> keyNames(KubeObject secret) {
        TreeSet<String> keys = new TreeSet<>();
        String digests = secret.annotations().get(SecretRedactor.DIGESTS_ANNOTATION);
        if (digests != null) {
            try {
                Yaml.json().readTree(digests).fieldNames().forEachRemaining(keys::add);
            } catch (JsonProcessingException e) {
                keys.add("(unreadable `" + SecretRedactor.DIGESTS_ANNOTATION + "`)");
            }
        }
        for (String field : List.of("data", "stringData")) {
            JsonNode values = secret.at("/" + field);
            values.fieldNames().forEachRemaining(keys::add);
        }
        return new ArrayList<>(keys);
    }
}
