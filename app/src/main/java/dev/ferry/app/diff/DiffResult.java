package dev.ferry.app.diff;

import dev.ferry.app.editor.LineStyle;
import dev.ferry.app.editor.StyleRange;
import java.util.List;

/**
 * A line diff of two texts, ready to show side by side: the hunks, a style per line of each side (backgrounds and
 * filler rows that keep corresponding lines level) and the changed words of each side as character ranges.
 *
 * @param source         the source text
 * @param proposed       the proposed text
 * @param hunks          the changes, in order
 * @param sourceLines    one style per line of the source text
 * @param proposedLines  one style per line of the proposed text
 * @param sourceWords    changed words in the source text
 * @param proposedWords  changed words in the proposed text
 */
public record DiffResult(String source, String proposed, List<Hunk> hunks, List<LineStyle> sourceLines,
                         List<LineStyle> proposedLines, List<StyleRange> sourceWords,
                         List<StyleRange> proposedWords) {

    public DiffResult {
        hunks = List.copyOf(hunks);
        sourceLines = List.copyOf(sourceLines);
        proposedLines = List.copyOf(proposedLines);
        sourceWords = List.copyOf(sourceWords);
        proposedWords = List.copyOf(proposedWords);
    }

    public int changeCount() {
        return hunks.size();
    }

    /** Rows each side occupies on screen; equal on both sides when the alignment is right. */
    public int sourceRows() {
        return sourceLines.stream().mapToInt(LineStyle::rows).sum();
    }

    public int proposedRows() {
        return proposedLines.stream().mapToInt(LineStyle::rows).sum();
    }
}
