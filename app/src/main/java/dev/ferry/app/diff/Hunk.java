package dev.ferry.app.diff;

/**
 * One change between the source and proposed text: lines {@code [sourceStart, sourceEnd)} of the source became
 * lines {@code [proposedStart, proposedEnd)} of the proposed text (0-based). An empty range on one side means the
 * lines were added (empty source range) or removed (empty proposed range); the start is then where they would be.
 */
public record Hunk(Kind kind, int sourceStart, int sourceEnd, int proposedStart, int proposedEnd) {

    /** What happened to the lines. */
    public enum Kind { ADDED, REMOVED, CHANGED }

    public int sourceLines() {
        return sourceEnd - sourceStart;
    }

    public int proposedLines() {
        return proposedEnd - proposedStart;
    }
}
