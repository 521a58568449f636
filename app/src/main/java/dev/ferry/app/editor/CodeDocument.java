package dev.ferry.app.editor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What a {@link CodeView} draws: the text split into lines, the syntax tokens and the character marks over it, and
 * each line's {@link LineStyle} (background classes and filler rows). Immutable; built once per shown document, so
 * drawing a row looks everything up by binary search instead of walking the text.
 */
public final class CodeDocument {

    /** Line classes the view draws as backgrounds, and the class of the change the navigation is on. */
    public static final String LINE_ADDED = "diff-added";
    public static final String LINE_REMOVED = "diff-removed";
    public static final String LINE_CHANGED = "diff-changed";
    public static final String CURRENT = "diff-current";
    /** Mark classes the view draws behind changed words. */
    public static final String WORD_ADDED = "diff-word-added";
    public static final String WORD_REMOVED = "diff-word-removed";

    static final CodeDocument EMPTY = new CodeDocument("", List.of(), List.of(), List.of());

    private final String text;
    private final int[] lineStarts;
    private final List<StyleRange> tokens;
    private final List<StyleRange> marks;
    private final List<LineStyle> lineStyles;
    private final int[] rowStarts;
    private final int longestLine;

    /**
     * @param tokens     syntax tokens, not overlapping one another
     * @param marks      character marks, not overlapping one another (they may overlap tokens)
     * @param lineStyles style of line {@code i} at index {@code i}; lines beyond the list are plain
     */
    public CodeDocument(String text, List<StyleRange> tokens, List<StyleRange> marks, List<LineStyle> lineStyles) {
        this.text = text;
        this.tokens = sorted(tokens);
        this.marks = sorted(marks);
        this.lineStyles = List.copyOf(lineStyles);
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            starts.add(i + 1);
        }
        lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
        rowStarts = new int[lineStarts.length + 1];
        int longest = 0;
        for (int line = 0; line < lineStarts.length; line++) {
            rowStarts[line + 1] = rowStarts[line] + lineStyle(line).rows();
            longest = Math.max(longest, lineEnd(line) - lineStarts[line]);
        }
        longestLine = longest;
    }

    /** The same text with other tokens, marks or line styles. */
    public CodeDocument restyled(List<StyleRange> newTokens, List<StyleRange> newMarks, List<LineStyle> newStyles) {
        return new CodeDocument(text, newTokens, newMarks, newStyles);
    }

    public String text() {
        return text;
    }

    public List<StyleRange> tokens() {
        return tokens;
    }

    public List<StyleRange> marks() {
        return marks;
    }

    public List<LineStyle> lineStyles() {
        return lineStyles;
    }

    public int lineCount() {
        return lineStarts.length;
    }

    public int lineStart(int line) {
        return lineStarts[line];
    }

    /** The text of a line, without its line break. */
    public String line(int line) {
        return text.substring(lineStarts[line], lineEnd(line));
    }

    public LineStyle lineStyle(int line) {
        return line < lineStyles.size() ? lineStyles.get(line) : LineStyle.PLAIN;
    }

    /** The line holding a text offset. */
    public int lineOf(int offset) {
        return lastAtMost(lineStarts, lineStarts.length, offset);
    }

    /** The first row of a line on screen (its filler rows above come first), counting every row above it. */
    public int rowStart(int line) {
        return rowStarts[line];
    }

    /** Rows on screen: lines plus their filler rows. */
    public int rowCount() {
        return rowStarts[rowStarts.length - 1];
    }

    /** The line a screen row belongs to (a filler row belongs to the line it pads); the last line past the end. */
    public int lineAtRow(int row) {
        return lastAtMost(rowStarts, lineStarts.length, row);
    }

    /**
     * The last index among the first {@code count} of {@code ascending} whose value is at most {@code value}; 0 when
     * none is.
     */
    static int lastAtMost(int[] ascending, int count, int value) {
        int low = 0;
        int high = count - 1;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (ascending[mid] <= value) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return Math.max(low, 0);
    }

    /** Length of the longest line, in characters. */
    public int longestLine() {
        return longestLine;
    }

    /** The tokens over a line, cut to it. */
    public List<StyleRange> tokensOn(int line) {
        return on(tokens, line);
    }

    /** The marks over a line, cut to it. */
    public List<StyleRange> marksOn(int line) {
        return on(marks, line);
    }

    private List<StyleRange> on(List<StyleRange> ranges, int line) {
        int from = lineStarts[line];
        int to = lineEnd(line);
        int low = 0;
        int high = ranges.size();
        while (low < high) { // the first range ending after the line's start
            int mid = (low + high) >>> 1;
            if (ranges.get(mid).end() <= from) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        List<StyleRange> found = new ArrayList<>();
        for (int i = low; i < ranges.size() && ranges.get(i).start() < to; i++) {
            StyleRange range = ranges.get(i);
            int start = Math.max(range.start(), from);
            int end = Math.min(range.end(), to);
            if (end > start) {
                found.add(new StyleRange(start, end, range.styleClass()));
            }
        }
        return found;
    }

    private int lineEnd(int line) {
        return line + 1 < lineStarts.length ? lineStarts[line + 1] - 1 : text.length();
    }

    private static List<StyleRange> sorted(List<StyleRange> ranges) {
        List<StyleRange> copy = new ArrayList<>(ranges);
        copy.sort(Comparator.comparingInt(StyleRange::start));
        return List.copyOf(copy);
    }
}
