package dev.ferry.app.task;

/** What a running {@link BackgroundTask} uses to report progress and to learn that it was cancelled. */
public interface TaskProgress {

    /**
     * Reports progress.
     *
     * @param fraction 0 to 1, or a negative number when the amount of work is unknown
     * @param message  what is happening, for the status bar
     */
    void update(double fraction, String message);

    /** True once the user cancelled; a task checks it between steps and returns early. */
    boolean isCancelled();
}
