package dev.ferry.model.io;

/**
 * Bounds on what the reader accepts, so a hostile input fails with a clear message instead of exhausting memory.
 *
 * @param maxAliases       most alias references in one document (defeats "billion laughs")
 * @param maxDocumentChars largest document, in characters
 * @param maxFileBytes     largest file read at all
 * @param maxDepth         deepest nesting of mappings and sequences
 */
public record ReadLimits(int maxAliases, int maxDocumentChars, long maxFileBytes, int maxDepth) {

    /** Generous for real manifests (the largest CRDs are about 1.5 MB), small enough to bound memory. */
    public static ReadLimits defaults() {
        return new ReadLimits(100, 8 * 1024 * 1024, 64L * 1024 * 1024, 100);
    }
}
