package dev.ferry.engine.rule.secrets;

import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.Finding;
import dev.ferry.engine.patch.Pointer;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.rule.RuleInfo;
import dev.ferry.engine.rule.RuleOutput;
import dev.ferry.model.KubeObject;

/**
 * Rewrites the {@code objects} parameter of a {@code provider: aws} SecretProviderClass into the Azure provider's
 * {@code array:} form: every Secrets Manager secret or SSM parameter becomes a Key Vault secret, mounted under the
 * same file name so {@code secretObjects} and the application keep working; {@code jmesPath} fields become Key
 * Vault secrets of their own (EDGES.md §6.2–6.4).
 */
public final class AscpObjectsToKeyVaultRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("ascp-objects-to-keyvault", "AWS provider objects to Key Vault objects",
            "Rewrites the objects of an AWS-provider SecretProviderClass as Key Vault secrets mounted under the same file names.",
            Edge.SECRETS, Direction.EKS_TO_AKS, KeyVaultNames.SETTING);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        if (!AwsProviderObjects.isAwsClass(object)) {
            return;
        }
        AwsProviderObjects.Result result = AwsProviderObjects.map(object, context.settings());
        RuleOutput.ChangeBuilder change = output.change(object);
        if (!result.ok()) {
            change.finding(Finding.actionRequired("Could not read the AWS objects of SecretProviderClass `"
                    + object.name() + "`: " + result.problem() + ". Write the Azure `objects` parameter by hand "
                    + "(EDGES.md §6.2)."));
            return;
        }
        change.replace(Pointer.of("spec", "parameters", "objects"),
                        AwsProviderObjects.objectsParameter(result.objects()))
                .summary(result.objects().size() + " Key Vault object(s) for SecretProviderClass " + object.name())
                .rationale("EDGES.md §6.4: `objectType: secretsmanager`/`ssmparameter` becomes `secret`; the Azure "
                        + "provider nests the objects under `array:` as YAML strings; `objectAlias` keeps the file "
                        + "names ASCP wrote (`/` translated by `pathTranslation`), so `secretObjects` still match. "
                        + "Import the secrets into Key Vault under the listed names first.");
        result.findings().forEach(change::finding);
    }
}
