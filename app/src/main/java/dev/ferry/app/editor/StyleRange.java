package dev.ferry.app.editor;

/**
 * A CSS style class over a range of characters of a document: a syntax token or a mark such as a changed word.
 *
 * @param start      first character, inclusive
 * @param end        last character, exclusive
 * @param styleClass the CSS class applied to the characters
 */
public record StyleRange(int start, int end, String styleClass) {

    public StyleRange {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad range " + start + ".." + end);
        }
    }
}
