package dev.ferry.app.editor;

import java.util.List;

/**
 * How one line (paragraph) of a {@link YamlEditor} is drawn: CSS classes for its background and blank filler rows
 * above or below it, which keep two editors of a side-by-side diff level without putting filler text in the document.
 *
 * @param styleClasses CSS classes of the line, e.g. {@code diff-added}
 * @param fillerAbove  blank rows drawn above the line
 * @param fillerBelow  blank rows drawn below the line (only the last line of a document needs them)
 */
public record LineStyle(List<String> styleClasses, int fillerAbove, int fillerBelow) {

    /** A plain line. */
    public static final LineStyle PLAIN = new LineStyle(List.of(), 0, 0);

    public LineStyle {
        styleClasses = List.copyOf(styleClasses);
        if (fillerAbove < 0 || fillerBelow < 0) {
            throw new IllegalArgumentException("negative filler");
        }
    }

    public boolean hasFiller() {
        return fillerAbove > 0 || fillerBelow > 0;
    }

    /** Rows this line occupies on screen, its own plus fillers. */
    public int rows() {
        return 1 + fillerAbove + fillerBelow;
    }
}
