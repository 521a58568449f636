package dev.ferry.engine.rule.secrets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.ferry.engine.Finding;
import dev.ferry.engine.rule.secrets.KeyVaultObjects.KeyVaultObject;
import dev.ferry.model.KubeObject;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps Key Vault objects to AWS provider (ASCP) objects (EDGES.md §6.3, §6.4): every object becomes a Secrets Manager
 * secret, read into the same file name. Pure, so the rule's visit and its artifact agree.
 */
final class AscpObjects {

    /** Settings key: Key Vault object ({@code vault/object} or {@code object}) → Secrets Manager secret name. */
    static final String NAME_MAP = "secrets.nameMap";
    /** Like Ferry's YAML writer, but with the list at column 0 as in the ASCP examples. */
    private static final ObjectMapper WRITER = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .build());

    private AscpObjects() {
    }

    /** One mapped object: where it goes, the ASCP entry, what a human must do, and a note for the artifact. */
    record Mapped(KeyVaultObject source, String target, ObjectNode entry, List<Finding> findings, String note) {
    }

    static String vaultName(KubeObject spc) {
        return spc.at("/spec/parameters/keyvaultName").asText("").strip();
    }

    static List<Mapped> map(KubeObject spc, List<KeyVaultObject> objects, Map<String, String> nameMap) {
        String vault = vaultName(spc);
        Map<String, String> shapeByTarget = new HashMap<>();
        List<Mapped> mapped = new ArrayList<>();
        for (KeyVaultObject object : objects) {
            String target = target(vault, object, nameMap);
            String taken = shapeByTarget.putIfAbsent(target, object.shape());
            if (taken != null && !taken.equals(object.shape())) {
                // the same Key Vault object read in another form holds different content: it needs its own secret
                target = target + "-" + object.fileName();
                shapeByTarget.putIfAbsent(target, object.shape());
            }
            mapped.add(mapOne(object, target));
        }
        return mapped;
    }

    /** The ASCP {@code objects} parameter: a YAML list written as a string (EDGES.md §6.3). */
    static String objectsParameter(List<Mapped> mapped) {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        mapped.forEach(m -> list.add(m.entry()));
        try {
            return WRITER.writeValueAsString(list);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String target(String vault, KeyVaultObject object, Map<String, String> nameMap) {
        String explicit = nameMap.get(vault + "/" + object.name());
        if (explicit == null) {
            explicit = nameMap.get(object.name());
        }
        if (explicit != null && !explicit.isBlank()) {
            return explicit.strip();
        }
        return switch (object.type()) {
            case "key" -> object.name() + "-public-key";
            case "cert" -> object.name() + "-certificate";
            default -> object.name();
        };
    }

    private static Mapped mapOne(KeyVaultObject object, String target) {
        ObjectNode entry = JsonNodeFactory.instance.objectNode();
        entry.put("objectName", target);
        entry.put("objectType", "secretsmanager");
        entry.put("objectAlias", object.fileName());
        if (!object.filePermission().isBlank()) {
            entry.put("filePermission", object.filePermission());
        }
        List<Finding> findings = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        String file = "`" + object.fileName() + "`";
        if (object.type().equals("key")) {
            findings.add(Finding.actionRequired("File " + file + " held the public key of Key Vault key `"
                    + object.name() + "`. KMS keys cannot be exported or mounted (EDGES.md §6.4): store the public key "
                    + "PEM in Secrets Manager as `" + target + "`, or have the application call KMS instead."));
            notes.add("store the public key PEM");
        } else if (object.type().equals("cert")) {
            findings.add(Finding.actionRequired("File " + file + " held the public certificate of Key Vault "
                    + "certificate `" + object.name() + "`. ACM certificates are not mounted by the driver "
                    + "(EDGES.md §6.4): store the certificate PEM in Secrets Manager as `" + target + "`."));
            notes.add("store the certificate PEM");
        }
        if (!object.format().isBlank() && !object.format().equalsIgnoreCase("pem")
                || !object.encoding().isBlank() && !object.encoding().equalsIgnoreCase("utf-8")) {
            findings.add(Finding.actionRequired("File " + file + " was converted by the Azure provider (objectFormat `"
                    + blankAs(object.format(), "pem") + "`, objectEncoding `" + blankAs(object.encoding(), "utf-8")
                    + "`). ASCP writes a secret exactly as stored and has no such options (EDGES.md §6.4): store the "
                    + "final file content in `" + target + "` (binary content as SecretBinary)."));
            notes.add("store the converted content (format " + blankAs(object.format(), "pem") + ", encoding "
                    + blankAs(object.encoding(), "utf-8") + ")");
        }
        if (!object.version().isBlank()) {
            findings.add(Finding.actionRequired("File " + file + " pinned Key Vault version `" + object.version()
                    + "`. Secrets Manager versions are VersionIds and stages, not Key Vault versions (EDGES.md §6.4), "
                    + "so the pin was removed and the current version is mounted; after creating `" + target
                    + "`, set objectVersion or objectVersionLabel if you need a pin."));
            notes.add("was pinned to a Key Vault version");
        }
        if (object.versionHistory() > 1) {
            findings.add(Finding.actionRequired("File " + file + " mounted " + object.versionHistory()
                    + " versions (objectVersionHistory) as `" + object.fileName() + "/<index>`; ASCP mounts one "
                    + "version per object (EDGES.md §6.4). Add one object per needed version label, or change the "
                    + "application to read only the current version."));
            notes.add("objectVersionHistory " + object.versionHistory());
        }
        if (!object.unknownFields().isEmpty()) {
            findings.add(Finding.warning("File " + file + " had fields the Azure provider does not define "
                    + object.unknownFields() + "; they were not carried to the ASCP object."));
        }
        return new Mapped(object, target, entry, List.copyOf(findings), String.join("; ", notes));
    }

    private static String blankAs(String value, String fallback) {
        return value.isBlank() ? fallback : value;
    }
}
