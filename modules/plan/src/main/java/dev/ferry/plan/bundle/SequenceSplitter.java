package dev.ferry.plan.bundle;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts the text of a YAML file whose whole content is one block sequence ({@code changes.yaml}) into runs of whole
 * entries, so the runs can be parsed on several threads: SnakeYAML reads one stream on one thread only, and the
 * changes of a 10,000-object estate are the largest file a review opens.
 *
 * <p>An entry starts at a line that holds the sequence's indentation and then {@code -}. A line of that shape inside
 * a quoted string that spans lines would cut the string in two; both runs then fail to parse, and the caller reads the
 * whole text instead, so a wrong cut costs time, never content. Text that is anything else (a directive, several
 * documents, a mapping, a line left of the sequence) is returned whole.
 */
final class SequenceSplitter {

    private SequenceSplitter() {
    }

    /** At most {@code parts} runs of consecutive entries of about equal length; the whole text when it cannot cut. */
    static List<String> split(String text, int parts) {
        List<Integer> entryStarts = new ArrayList<>();
        int indent = -1;
        int from = 0;
        while (from < text.length()) {
            int end = text.indexOf('\n', from);
            int next = end < 0 ? text.length() : end + 1;
            int spaces = 0;
            while (from + spaces < text.length() && text.charAt(from + spaces) == ' ') {
                spaces++;
            }
            int content = from + spaces;
            char first = content < text.length() ? text.charAt(content) : '\n';
            boolean blankOrComment = first == '\n' || first == '\r' || first == '#';
            if (!blankOrComment) {
                if (spaces == 0 && (text.startsWith("---", from) || text.startsWith("...", from) || first == '%')) {
                    return List.of(text);
                }
                boolean entry = first == '-' && (content + 1 >= text.length() || " \r\n".indexOf(text.charAt(content + 1)) >= 0);
                if (indent < 0) {
                    if (!entry) {
                        return List.of(text);
                    }
                    indent = spaces;
                }
                if (spaces < indent) {
                    return List.of(text);
                }
                if (entry && spaces == indent) {
                    entryStarts.add(from);
                }
            }
            from = next;
        }
        if (parts < 2 || entryStarts.size() < 2 * parts) {
            return List.of(text);
        }
        List<String> runs = new ArrayList<>(parts);
        int target = text.length() / parts;
        int runStart = 0;
        for (int start : entryStarts) {
            if (start - runStart >= target && runs.size() < parts - 1) {
                runs.add(text.substring(runStart, start));
                runStart = start;
            }
        }
        runs.add(text.substring(runStart));
        return runs;
    }
}
