package dev.ferry.app.error;

/**
 * Where view models send failures. Expected failures carry a message for the user (it names the thing and the next
 * step); unexpected ones are bugs and show their details. The app shows notifications and an error dialog; tests
 * record what was reported. Called on the UI thread.
 */
public interface ErrorReporter {

    /** An expected failure of one thing (an object that failed to apply, a file that could not be read). */
    void notify(String title, String message);

    /** A bug or an unexpected failure: logged, and shown with its stack trace in an expandable details pane. */
    void unexpected(String what, Throwable error);
}
