package dev.ferry.model.io;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a YAML stream into its documents by the {@code ---} and {@code ...} markers at the start of a line, so each
 * document can be parsed (and fail) on its own. Also finds a {@code ---} glued to the end of a line, a common
 * templating accident that silently merges two documents.
 */
final class DocumentSplitter {

    /** One document's text, its 1-based number and first line; or a problem that stops it from being read. */
    record Chunk(int number, int startLine, String text, String problem, int problemLine) {
        boolean blank() {
            int from = 0;
            while (from <= text.length()) {
                int end = text.indexOf('\n', from);
                String trimmed = text.substring(from, end < 0 ? text.length() : end).strip();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                    return false;
                }
                if (end < 0) {
                    break;
                }
                from = end + 1;
            }
            return true;
        }
    }

    private static final Pattern START = Pattern.compile("^---(?:[ \\t].*)?$");
    private static final Pattern END = Pattern.compile("^\\.\\.\\.[ \\t]*$");
    private static final Pattern GLUED = Pattern.compile("^(?!\\s*#)(.*[^\\s-])---[ \\t]*$");

    private DocumentSplitter() {
    }

    static List<Chunk> split(String text) {
        String[] lines = text.split("\n", -1);
        List<Chunk> chunks = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int startLine = 1;
        String problem = null;
        int problemLine = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int lineNumber = i + 1;
            // the cheap tests first: nearly every line is content, and the patterns are costly on every line
            boolean start = line.startsWith("---") && START.matcher(line).matches();
            boolean end = line.startsWith("...") && END.matcher(line).matches();
            Matcher glued = endsWithMarker(line) ? GLUED.matcher(line) : null;
            boolean gluedSeparator = !start && glued != null && glued.matches()
                    && nextContentStartsAtColumnZero(lines, i + 1);
            if (start || end || gluedSeparator) {
                if (gluedSeparator) {
                    problem = "`---` is glued to the end of the line (`" + glued.group(1).strip()
                            + "---`), so this document would run into the next one; put `---` on a line of its own";
                    problemLine = lineNumber;
                }
                chunks.add(new Chunk(chunks.size() + 1, startLine, current.toString(), problem, problemLine));
                current.setLength(0);
                problem = null;
                // a `--- value` line starts a document whose first content is on the marker line itself
                if (start && line.length() > 3 && !line.substring(3).isBlank()) {
                    current.append(line.substring(3).strip()).append('\n');
                    startLine = lineNumber;
                } else {
                    startLine = lineNumber + 1;
                }
                continue;
            }
            if (i == lines.length - 1 && line.isEmpty()) {
                break; // the text's final newline ends its last line; it does not start another one
            }
            current.append(line).append('\n');
        }
        chunks.add(new Chunk(chunks.size() + 1, startLine, current.toString(), problem, problemLine));
        return renumberSkippingLeadingEmpty(chunks);
    }

    /**
     * A stream that opens with {@code ---} has an empty zeroth chunk; documents are numbered as a user counts them,
     * so drop that empty piece and renumber.
     */
    private static List<Chunk> renumberSkippingLeadingEmpty(List<Chunk> chunks) {
        if (chunks.size() > 1 && chunks.get(0).problem() == null && chunks.get(0).text().isEmpty()) {
            List<Chunk> renumbered = new ArrayList<>(chunks.size() - 1);
            for (int i = 1; i < chunks.size(); i++) {
                Chunk c = chunks.get(i);
                renumbered.add(new Chunk(i, c.startLine(), c.text(), c.problem(), c.problemLine()));
            }
            return renumbered;
        }
        return chunks;
    }

    /**
     * Whether the line ends with {@code ---} and blanks: true for every line {@link #GLUED} matches (and for a few it
     * does not), so it only saves running the pattern on the others.
     */
    private static boolean endsWithMarker(String line) {
        int end = line.length();
        while (end > 0 && " \t\r".indexOf(line.charAt(end - 1)) >= 0) {
            end--;
        }
        return end >= 3 && line.startsWith("---", end - 3);
    }

    private static boolean nextContentStartsAtColumnZero(String[] lines, int from) {
        for (int i = from; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            return !Character.isWhitespace(line.charAt(0)) && !line.startsWith("-");
        }
        return false;
    }
}
