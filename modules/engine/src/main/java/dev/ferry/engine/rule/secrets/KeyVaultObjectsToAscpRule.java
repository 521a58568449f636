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
import dev.ferry.engine.rule.secrets.AscpObjects.Mapped;
import dev.ferry.engine.rule.secrets.KeyVaultObjects.Parsed;
import dev.ferry.model.KubeObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Rewrites the {@code objects} parameter of a {@code provider: azure} SecretProviderClass into the AWS provider's
 * form: each Key Vault object becomes a Secrets Manager object read into the same file name, with findings for what
 * ASCP cannot do (keys, certificates, format conversions, version pins). Writes the list of secrets to create in
 * Secrets Manager as {@code secrets/secretsmanager-secrets.md}, names only.
 */
public final class KeyVaultObjectsToAscpRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("keyvault-objects-to-ascp", "Key Vault objects to Secrets Manager objects",
            "Rewrites a Key Vault SecretProviderClass's objects as AWS Secrets Manager objects that keep the mounted file names.",
            Edge.SECRETS, Direction.AKS_TO_EKS, AscpObjects.NAME_MAP, "aws.region");
    static final String ARTIFACT = "secrets/secretsmanager-secrets.md";
    private static final String OBJECTS = Pointer.of("spec", "parameters", "objects");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        if (!SecretsStoreCsi.isAzureClass(object)) {
            return;
        }
        Parsed parsed = KeyVaultObjects.parse(object.at(OBJECTS));
        RuleOutput.ChangeBuilder change = output.change(object);
        if (!parsed.ok()) {
            change.summary("Key Vault objects could not be read")
                    .finding(Finding.actionRequired("SecretProviderClass `" + object.name() + "`: " + parsed.problem()
                            + ". Write `spec.parameters.objects` by hand in the AWS provider form, a YAML list of "
                            + "`objectName`, `objectType: secretsmanager` and `objectAlias` (EDGES.md §6.3)."));
            return;
        }
        List<Mapped> mapped = AscpObjects.map(object, parsed.objects(), context.settings().map(AscpObjects.NAME_MAP));
        change.summary("Key Vault objects → " + mapped.size() + " Secrets Manager object(s) for ASCP")
                .rationale("EDGES.md §6.2–§6.4: the Azure provider reads a YAML `array:` of YAML strings, ASCP a YAML "
                        + "list of objects. Each Key Vault object becomes a Secrets Manager secret (objectType "
                        + "secretsmanager) read into the same file name through objectAlias, so mount paths and "
                        + "secretObjects keep working.")
                .replace(OBJECTS, AscpObjects.objectsParameter(mapped));
        mapped.forEach(m -> m.findings().forEach(change::finding));
        String targets = mapped.stream().map(m -> "`" + m.target() + "`").distinct().collect(Collectors.joining(", "));
        change.finding(Finding.actionRequired("Create these secrets in AWS Secrets Manager ("
                + context.settings().text("aws.region", "the target region") + ") with the content of the objects of "
                + vault(object) + " before a pod mounts this class: " + targets
                + ". The list is in artifacts/" + ARTIFACT + "; rename targets with the `" + AscpObjects.NAME_MAP
                + "` setting."));
        checkSyncedObjects(object, mapped, change);
    }

    /** {@code secretObjects} is provider-neutral, but each data entry must still name a mounted file. */
    private static void checkSyncedObjects(KubeObject object, List<Mapped> mapped, RuleOutput.ChangeBuilder change) {
        Set<String> files = mapped.stream().map(m -> m.source().fileName()).collect(Collectors.toSet());
        for (JsonNode synced : object.at("/spec/secretObjects")) {
            for (JsonNode data : synced.path("data")) {
                String file = data.path("objectName").asText("");
                if (!files.contains(file)) {
                    change.finding(Finding.warning("secretObjects Secret `" + synced.path("secretName").asText()
                            + "` key `" + data.path("key").asText() + "` reads `" + file + "`, which no object of "
                            + "this class mounts (files: " + files.stream().sorted().toList() + "); the driver will "
                            + "not sync it. Fix the objectName to one of the objectAlias values."));
                }
            }
        }
    }

    @Override
    public void finish(RuleContext context, RuleOutput output) {
        List<String> rows = new ArrayList<>();
        for (KubeObject spc : context.estate().ofKind(SecretsStoreCsi.KIND)) {
            if (!SecretsStoreCsi.isAzureClass(spc)) {
                continue;
            }
            Parsed parsed = KeyVaultObjects.parse(spc.at(OBJECTS));
            if (!parsed.ok()) {
                rows.add(row(where(spc), AscpObjects.vaultName(spc), "?", "?", "?", "?",
                        "objects could not be read; see the change's finding"));
                continue;
            }
            for (Mapped m : AscpObjects.map(spc, parsed.objects(), context.settings().map(AscpObjects.NAME_MAP))) {
                rows.add(row(where(spc), AscpObjects.vaultName(spc), m.source().name(),
                        m.source().type(), m.target(), m.source().fileName(), m.note()));
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        String region = context.settings().text("aws.region", "REGION");
        String content = "# Key Vault objects to recreate in AWS Secrets Manager\n\n"
                + "Names only: copy each value from Key Vault yourself and never commit it. Create each secret in "
                + "region `" + region + "`, for example\n`aws secretsmanager create-secret --region " + region
                + " --name <Secrets Manager name> --secret-string file://<local file>`\n(binary content: "
                + "`--secret-binary fileb://<local file>`). The pod's IAM role needs `secretsmanager:GetSecretValue` "
                + "and `secretsmanager:DescribeSecret` on them.\n\n"
                + "| SecretProviderClass | Key Vault | Key Vault object | Key Vault type | Secrets Manager name "
                + "| Mounted file | Note |\n|---|---|---|---|---|---|---|\n"
                + String.join("", new LinkedHashSet<>(rows));
        output.artifact(ARTIFACT, content, "Key Vault objects to recreate in AWS Secrets Manager (names only)");
    }

    private static String vault(KubeObject spc) {
        String name = AscpObjects.vaultName(spc);
        return name.isBlank() ? "the Key Vault (no keyvaultName)" : "Key Vault `" + name + "`";
    }

    private static String where(KubeObject spc) {
        return spc.namespace().isEmpty() ? spc.name() : spc.namespace() + "/" + spc.name();
    }

    private static String row(String... cells) {
        return "| " + String.join(" | ", List.of(cells).stream().map(c -> c.replace("|", "\\|")).toList()) + " |\n";
    }
}
