package dev.ferry.model.io;

/**
 * A document that could not be read, with where it is and what to do about it.
 *
 * @param file     the file as given (relative when the input was relative)
 * @param document 1-based document number in the file, 0 when the whole file is affected
 * @param line     1-based line, 0 when unknown
 * @param message  what is wrong, for a user
 */
public record ManifestProblem(String file, int document, int line, String message) {

    @Override
    public String toString() {
        StringBuilder where = new StringBuilder(file);
        if (line > 0) {
            where.append(':').append(line);
        }
        if (document > 0) {
            where.append(" (document ").append(document).append(')');
        }
        return where + ": " + message;
    }
}
