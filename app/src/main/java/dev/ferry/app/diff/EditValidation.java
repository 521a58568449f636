package dev.ferry.app.diff;

/**
 * The verdict on a hand edit of a proposed object.
 *
 * @param valid   true when the edit may be saved
 * @param message for the user: what is wrong and what to do (empty when valid)
 * @param line    1-based line of the problem in the edited text, 0 when it has no line
 */
public record EditValidation(boolean valid, String message, int line) {

    public static final EditValidation OK = new EditValidation(true, "", 0);

    public static EditValidation error(String message, int line) {
        return new EditValidation(false, message, line);
    }

    /** The message with its line, as shown under the editor. */
    public String display() {
        return valid ? "" : line > 0 ? "Line " + line + ": " + message : message;
    }
}
