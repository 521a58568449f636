package dev.ferry.app.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits YAML text into highlighting tokens, line by line. It is a highlighter, not a parser: it recognises what a
 * reader needs to tell apart (keys, strings, numbers, booleans and null, comments, document markers, anchors,
 * aliases and tags, block scalars) and leaves everything else unstyled. Pure and thread-safe, so big documents are
 * tokenized off the FX thread.
 */
public final class YamlTokenizer {

    public static final String KEY = "yaml-key";
    public static final String STRING = "yaml-string";
    public static final String NUMBER = "yaml-number";
    public static final String BOOLEAN = "yaml-boolean";
    public static final String NULL = "yaml-null";
    public static final String COMMENT = "yaml-comment";
    public static final String DOCUMENT = "yaml-document";
    public static final String ANCHOR = "yaml-anchor";
    public static final String TAG = "yaml-tag";
    public static final String PUNCTUATION = "yaml-punctuation";

    private static final Pattern KEY_PATTERN = Pattern.compile(
            "(\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^']|'')*'|[^\\s#'\"{}\\[\\],&*!|>%@`-][^#]*?|-[^\\s#][^#]*?)\\s*:(?=\\s|$)");
    private static final Pattern NUMBER_PATTERN = Pattern.compile(
            "[-+]?(?:0x[0-9a-fA-F_]+|0o[0-7_]+|[0-9][0-9_]*(?:\\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?|\\.[0-9]+|\\.inf|\\.nan)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BOOLEAN_PATTERN = Pattern.compile(
            "true|false|yes|no|on|off|y|n", Pattern.CASE_INSENSITIVE);
    private static final Pattern NULL_PATTERN = Pattern.compile("null|~", Pattern.CASE_INSENSITIVE);
    private static final Pattern BLOCK_INDICATOR = Pattern.compile("[|>][-+0-9]*");

    private YamlTokenizer() {
    }

    /** The tokens of {@code text}, in order, with offsets into {@code text}. */
    public static List<StyleRange> tokenize(String text) {
        List<StyleRange> tokens = new ArrayList<>();
        int lineStart = 0;
        int blockIndent = -1;
        int length = text.length();
        while (lineStart <= length) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = length;
            }
            String line = text.substring(lineStart, lineEnd);
            int indent = indentOf(line);
            boolean blank = indent == line.length();
            if (blockIndent >= 0 && (blank || indent > blockIndent)) {
                if (!blank) {
                    tokens.add(new StyleRange(lineStart + indent, lineEnd, STRING));
                }
            } else {
                blockIndent = -1;
                if (line(line, lineStart, tokens)) {
                    blockIndent = indent + leadingDashes(line, indent);
                }
            }
            lineStart = lineEnd + 1;
        }
        return tokens;
    }

    /**
     * The tokens of {@code text}, each widened over the spaces and tabs just before it (indentation, the blank after
     * a colon), for display: every run of one style is a text node of its own in the code area, and blanks look the
     * same in any color, so a typical line is drawn with three nodes instead of five.
     */
    public static List<StyleRange> tokenRuns(String text) {
        List<StyleRange> tokens = tokenize(text);
        List<StyleRange> runs = new ArrayList<>(tokens.size());
        int previousEnd = 0;
        for (StyleRange token : tokens) {
            int start = token.start();
            while (start > previousEnd && (text.charAt(start - 1) == ' ' || text.charAt(start - 1) == '\t')) {
                start--;
            }
            runs.add(new StyleRange(start, token.end(), token.styleClass()));
            previousEnd = token.end();
        }
        return runs;
    }

    /** Tokenizes one line; true when the line opens a block scalar ({@code key: |}). */
    private static boolean line(String line, int offset, List<StyleRange> tokens) {
        if (line.startsWith("---") || line.startsWith("...")) {
            if (line.length() == 3 || Character.isWhitespace(line.charAt(3))) {
                tokens.add(new StyleRange(offset, offset + 3, DOCUMENT));
                return value(line, 3, offset, tokens);
            }
        }
        int i = indentOf(line);
        while (i < line.length() && line.charAt(i) == '-'
                && (i + 1 == line.length() || line.charAt(i + 1) == ' ')) {
            tokens.add(new StyleRange(offset + i, offset + i + 1, PUNCTUATION));
            i = skipSpaces(line, i + 1);
        }
        if (i < line.length() && line.charAt(i) == '#') {
            tokens.add(new StyleRange(offset + i, offset + line.length(), COMMENT));
            return false;
        }
        Matcher key = KEY_PATTERN.matcher(line).region(i, line.length());
        if (key.lookingAt()) {
            tokens.add(new StyleRange(offset + key.start(1), offset + key.end(1), KEY));
            i = key.end();
        }
        return value(line, i, offset, tokens);
    }

    private static boolean value(String line, int from, int offset, List<StyleRange> tokens) {
        int i = skipSpaces(line, from);
        while (i < line.length() && (line.charAt(i) == '&' || line.charAt(i) == '*' || line.charAt(i) == '!')) {
            int end = i + 1;
            while (end < line.length() && !Character.isWhitespace(line.charAt(end))) {
                end++;
            }
            tokens.add(new StyleRange(offset + i, offset + end, line.charAt(i) == '!' ? TAG : ANCHOR));
            i = skipSpaces(line, end);
        }
        if (i >= line.length()) {
            return false;
        }
        char first = line.charAt(i);
        if (first == '#') {
            tokens.add(new StyleRange(offset + i, offset + line.length(), COMMENT));
            return false;
        }
        if (first == '"' || first == '\'') {
            int end = closingQuote(line, i);
            tokens.add(new StyleRange(offset + i, offset + end, STRING));
            comment(line, end, offset, tokens);
            return false;
        }
        int commentAt = commentStart(line, i);
        int end = commentAt;
        while (end > i && Character.isWhitespace(line.charAt(end - 1))) {
            end--;
        }
        String scalar = line.substring(i, end);
        boolean block = false;
        String style = null;
        if (BLOCK_INDICATOR.matcher(scalar).matches()) {
            style = PUNCTUATION;
            block = true;
        } else if (NUMBER_PATTERN.matcher(scalar).matches()) {
            style = NUMBER;
        } else if (BOOLEAN_PATTERN.matcher(scalar).matches()) {
            style = BOOLEAN;
        } else if (NULL_PATTERN.matcher(scalar).matches()) {
            style = NULL;
        } else if (first != '{' && first != '[' && first != '-' || scalar.length() > 1 && first == '-') {
            style = STRING;
        }
        if (style != null && end > i) {
            tokens.add(new StyleRange(offset + i, offset + end, style));
        }
        comment(line, commentAt, offset, tokens);
        return block;
    }

    private static void comment(String line, int from, int offset, List<StyleRange> tokens) {
        int at = commentStart(line, from);
        if (at < line.length()) {
            tokens.add(new StyleRange(offset + at, offset + line.length(), COMMENT));
        }
    }

    /** A {@code #} starts a comment only at the start or after whitespace. */
    private static int commentStart(String line, int from) {
        for (int i = from; i < line.length(); i++) {
            if (line.charAt(i) == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return i;
            }
        }
        return line.length();
    }

    private static int closingQuote(String line, int open) {
        char quote = line.charAt(open);
        int i = open + 1;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (quote == '"' && c == '\\') {
                i += 2;
                continue;
            }
            if (c == quote) {
                if (quote == '\'' && i + 1 < line.length() && line.charAt(i + 1) == '\'') {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return line.length();
    }

    private static int leadingDashes(String line, int indent) {
        int i = indent;
        while (i < line.length() && line.charAt(i) == '-' && (i + 1 == line.length() || line.charAt(i + 1) == ' ')) {
            i = skipSpaces(line, i + 1);
        }
        return i - indent;
    }

    private static int indentOf(String line) {
        return skipSpaces(line, 0);
    }

    private static int skipSpaces(String line, int from) {
        int i = from;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }
}
