package dev.ferry.app.diff;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.model.io.ReadLimits;
import dev.ferry.model.io.YamlTreeReader;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a hand edit of a proposed Kubernetes object before it may be saved: the YAML parses, it is one mapping
 * with {@code apiVersion}, {@code kind} and {@code metadata.name}, it is still the same object (kind, name,
 * namespace) unless renaming is allowed, and it does not put values into a Secret. Pure and thread-safe.
 */
public final class EditValidator {

    private final YamlTreeReader reader = new YamlTreeReader(ReadLimits.defaults());

    /**
     * @param original      the proposed object before the edit (YAML); its identity is what the edit must keep
     * @param edited        the edited text
     * @param allowRename   true when the edit may change kind, name or namespace
     */
    public EditValidation validate(String original, String edited, boolean allowRename) {
        JsonNode tree;
        try {
            tree = reader.read(edited);
        } catch (YamlTreeReader.YamlReadException e) {
            return EditValidation.error(e.getMessage() + "; fix the YAML or Revert", e.line());
        }
        if (tree == null || tree.isNull()) {
            return EditValidation.error("the object is empty; type its YAML or Revert", 1);
        }
        if (!tree.isObject()) {
            return EditValidation.error("a Kubernetes object is a mapping (key: value), not a "
                    + (tree.isArray() ? "list" : "single value"), 1);
        }
        for (String field : List.of("apiVersion", "kind")) {
            if (!tree.path(field).isTextual() || tree.path(field).asText().isBlank()) {
                return EditValidation.error("`" + field + "` is missing; every Kubernetes object names its "
                        + field, lineOf(edited, field));
            }
        }
        if (!tree.path("metadata").isObject()) {
            return EditValidation.error("`metadata` is missing or not a mapping; it must hold at least `name`",
                    lineOf(edited, "metadata"));
        }
        if (!tree.path("metadata").path("name").isTextual() || tree.path("metadata").path("name").asText().isBlank()) {
            return EditValidation.error("`metadata.name` is missing; the object needs a name",
                    lineOf(edited, "metadata", "name"));
        }
        EditValidation secret = secretValues(tree, edited);
        if (!secret.valid()) {
            return secret;
        }
        return allowRename ? EditValidation.OK : sameIdentity(original, tree, edited);
    }

    private EditValidation secretValues(JsonNode tree, String edited) {
        if (!tree.path("kind").asText().equals("Secret")) {
            return EditValidation.OK;
        }
        for (String field : List.of("data", "stringData")) {
            JsonNode values = tree.path(field);
            if (!values.isMissingNode() && !values.isNull() && !(values.isObject() && values.isEmpty())) {
                return EditValidation.error("a Secret edited here cannot hold `" + field + "`: Secret values "
                        + "never enter Ferry's bundle. Remove `" + field + "`; supply the values on the target "
                        + "(Secrets Manager, External Secrets or at apply time)", lineOf(edited, field));
            }
        }
        return EditValidation.OK;
    }

    private EditValidation sameIdentity(String original, JsonNode tree, String edited) {
        JsonNode before;
        try {
            before = reader.read(original);
        } catch (YamlTreeReader.YamlReadException e) {
            return EditValidation.OK;
        }
        if (before == null || !before.isObject()) {
            return EditValidation.OK;
        }
        EditValidation kind = same(before.path("kind").asText(), tree.path("kind").asText(), "kind",
                lineOf(edited, "kind"));
        if (!kind.valid()) {
            return kind;
        }
        EditValidation name = same(before.path("metadata").path("name").asText(),
                tree.path("metadata").path("name").asText(), "metadata.name", lineOf(edited, "metadata", "name"));
        if (!name.valid()) {
            return name;
        }
        return same(before.path("metadata").path("namespace").asText(""),
                tree.path("metadata").path("namespace").asText(""), "metadata.namespace",
                lineOf(edited, "metadata", "namespace"));
    }

    private static EditValidation same(String before, String after, String field, int line) {
        if (before.equals(after)) {
            return EditValidation.OK;
        }
        return EditValidation.error("`" + field + "` must stay `" + (before.isEmpty() ? "(none)" : before)
                + "` (now `" + (after.isEmpty() ? "(none)" : after) + "`): an edit changes this object, it cannot "
                + "turn it into another one", line);
    }

    /** 1-based line of a top-level key, or of a key directly under a top-level mapping; 1 when absent. */
    static int lineOf(String text, String key) {
        Matcher matcher = Pattern.compile("^" + Pattern.quote(key) + "\\s*:", Pattern.MULTILINE).matcher(text);
        return matcher.find() ? lineAt(text, matcher.start()) : 1;
    }

    static int lineOf(String text, String parent, String key) {
        Matcher top = Pattern.compile("^" + Pattern.quote(parent) + "\\s*:", Pattern.MULTILINE).matcher(text);
        if (!top.find()) {
            return 1;
        }
        int parentLine = lineAt(text, top.start());
        Matcher child = Pattern.compile("^([ \\t]+)" + Pattern.quote(key) + "\\s*:|^\\S", Pattern.MULTILINE)
                .matcher(text);
        int from = text.indexOf('\n', top.start());
        while (from >= 0 && child.find(from + 1)) {
            if (child.group(1) == null) {
                break;
            }
            return lineAt(text, child.start());
        }
        return parentLine;
    }

    private static int lineAt(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
