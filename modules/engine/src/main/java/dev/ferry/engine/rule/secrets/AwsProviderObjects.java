package dev.ferry.engine.rule.secrets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.ferry.engine.Finding;
import dev.ferry.engine.settings.MigrationSettings;
import dev.ferry.model.KubeObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads the {@code objects} parameter of a {@code provider: aws} SecretProviderClass (a YAML list written as a
 * string, EDGES.md §6.3) and maps each object to Key Vault objects (EDGES.md §6.4): the mounted file names stay the
 * same, a {@code jmesPath} split becomes one Key Vault secret per field. Pure, so both SecretProviderClass rules agree.
 */
final class AwsProviderObjects {

    /** One Key Vault object for the Azure provider's {@code objects.array}. */
    record KvObject(String objectName, String objectAlias, String filePermission) {
    }

    /** The mapping of a whole class: objects, the vaults they need, and what a human must do. */
    record Result(List<KvObject> objects, List<String> vaults, List<Finding> findings, String problem) {
        boolean ok() {
            return problem.isEmpty();
        }
    }

    private static final ObjectMapper YAML = boundedMapper();
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9$_][A-Za-z0-9._/${}-]*");

    private AwsProviderObjects() {
    }

    static boolean isAwsClass(KubeObject object) {
        return SecretsStoreCsi.isProviderClass(object) && "aws".equals(object.at("/spec/provider").asText());
    }

    static Result map(KubeObject spc, MigrationSettings settings) {
        JsonNode parameter = spc.at("/spec/parameters/objects");
        JsonNode list;
        try {
            list = parameter.isTextual() ? YAML.readTree(parameter.asText()) : null;
        } catch (JsonProcessingException | RuntimeException e) {
            list = null;
        }
        if (list == null || !list.isArray() || list.isEmpty()) {
            return new Result(List.of(), List.of(), List.of(), "`spec.parameters.objects` is not a YAML list of "
                    + "objects");
        }
        String translation = spc.at("/spec/parameters/pathTranslation").asText("_");
        List<KvObject> objects = new ArrayList<>();
        Map<String, Boolean> vaults = new LinkedHashMap<>();
        List<Finding> findings = new ArrayList<>();
        for (JsonNode object : list) {
            String awsName = object.path("objectName").asText("").strip();
            if (awsName.isEmpty()) {
                return new Result(List.of(), List.of(), List.of(), "an object has no `objectName`");
            }
            KeyVaultNames.Mapped mapped = KeyVaultNames.map(awsName, settings);
            vaults.put(mapped.vault(), true);
            String alias = object.path("objectAlias").asText("");
            String file = !alias.isBlank() ? alias
                    : translation.equalsIgnoreCase("false") ? awsName : awsName.replace("/", translation);
            String permission = object.path("filePermission").asText("");
            objects.add(new KvObject(mapped.name(), file.equals(mapped.name()) ? "" : file, permission));
            String what = "`" + awsName + "` (file `" + file + "`)";
            if (mapped.placeholder()) {
                findings.add(Finding.warning(what + " is a template placeholder; the Key Vault secret name was "
                        + "copied as it is. Replace it with the real Key Vault secret name."));
            }
            if (mapped.fromArn()) {
                findings.add(Finding.warning(what + " was named by ARN; the Key Vault secret is `" + mapped.name()
                        + "` (the random ARN suffix was dropped)."));
            }
            if (object.path("objectType").asText("").equals("ssmparameter")) {
                findings.add(Finding.info(what + " is an SSM parameter; it becomes the Key Vault secret `"
                        + mapped.name() + "` (parameter hierarchies flatten into hyphenated names)."));
            }
            if (object.hasNonNull("objectVersion") || object.hasNonNull("objectVersionLabel")) {
                findings.add(Finding.actionRequired(what + " pinned an AWS version (objectVersion / "
                        + "objectVersionLabel); Key Vault versions are different ids, so the current version is "
                        + "mounted. Set objectVersion after importing the secret if you need a pin (EDGES.md §6.4)."));
            }
            if (object.has("failoverObject")) {
                findings.add(Finding.warning(what + " had a failoverObject; Key Vault has no per-object failover "
                        + "(its data is replicated to the paired region by the service)."));
            }
            for (JsonNode jmes : object.path("jmesPath")) {
                String path = jmes.path("path").asText("");
                String jmesAlias = jmes.path("objectAlias").asText(path);
                String split = KeyVaultNames.map(awsName, settings).name() + "-"
                        + path.replaceAll("[^A-Za-z0-9-]", "-");
                objects.add(new KvObject(split, jmesAlias.equals(split) ? "" : jmesAlias,
                        jmes.path("filePermission").asText("")));
                findings.add(Finding.actionRequired(what + " was split with jmesPath `" + path + "` into file `"
                        + jmesAlias + "`; Key Vault secrets are single values (EDGES.md §6.4). Store that field as "
                        + "its own Key Vault secret `" + split + "`."));
            }
        }
        return new Result(List.copyOf(objects), List.copyOf(vaults.keySet()), List.copyOf(findings), "");
    }

    /** The Azure provider's {@code objects} parameter: {@code array:} of YAML strings (EDGES.md §6.2). */
    static String objectsParameter(List<KvObject> objects) {
        StringBuilder text = new StringBuilder("array:\n");
        for (KvObject object : objects) {
            text.append("  - |\n    objectName: ").append(scalar(object.objectName()))
                    .append("\n    objectType: secret\n");
            if (!object.objectAlias().isEmpty()) {
                text.append("    objectAlias: ").append(scalar(object.objectAlias())).append('\n');
            }
            if (!object.filePermission().isEmpty()) {
                text.append("    filePermission: \"").append(object.filePermission()).append("\"\n");
            }
        }
        return text.toString();
    }

    private static String scalar(String value) {
        if (PLAIN.matcher(value).matches()) {
            return value;
        }
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** User input: bounded like the Azure provider's parser ({@code KeyVaultObjects}). */
    private static ObjectMapper boundedMapper() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(20);
        options.setAllowDuplicateKeys(false);
        options.setCodePointLimit(1_000_000);
        options.setNestingDepthLimit(20);
        options.setAllowRecursiveKeys(false);
        return new ObjectMapper(YAMLFactory.builder()
                .loaderOptions(options)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(20).build())
                .build());
    }
}
