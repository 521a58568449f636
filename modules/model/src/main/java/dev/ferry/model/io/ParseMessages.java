package dev.ferry.model.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.Locale;

/** Turns parser exceptions into one-line messages a user can act on, without parser internals. */
final class ParseMessages {

    private ParseMessages() {
    }

    static String describe(Throwable e) {
        String raw = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage()
                : e instanceof org.yaml.snakeyaml.error.MarkedYAMLException marked && marked.getProblem() != null
                ? marked.getProblem()
                : e.getMessage();
        if (raw == null) {
            raw = e.getClass().getSimpleName();
        }
        String lower = raw.toLowerCase(Locale.ROOT);
        if (lower.contains("duplicate field") || lower.contains("duplicate key")) {
            return "duplicate key " + quotedName(raw) + ": a mapping may name each key once; remove or rename one";
        }
        if (lower.contains("number of aliases")) {
            return "too many aliases (possible \"billion laughs\" expansion); Ferry reads at most "
                    + ReadLimits.defaults().maxAliases() + " alias references per document";
        }
        if (lower.contains("exceeds the limit") || lower.contains("code points") || lower.contains("string value length")) {
            return "document is larger than Ferry's limit for one document ("
                    + ReadLimits.defaults().maxDocumentChars() / (1024 * 1024) + " MB)";
        }
        if (lower.contains("nesting depth")) {
            return "document is nested deeper than " + ReadLimits.defaults().maxDepth() + " levels";
        }
        String firstLine = raw.lines().findFirst().orElse(raw).trim();
        return "malformed YAML: " + firstLine;
    }

    private static String quotedName(String raw) {
        int open = raw.indexOf('\'');
        int close = open < 0 ? -1 : raw.indexOf('\'', open + 1);
        if (open >= 0 && close > open) {
            return "`" + raw.substring(open + 1, close) + "`";
        }
        return "";
    }
}
