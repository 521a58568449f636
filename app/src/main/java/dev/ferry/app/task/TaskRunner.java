package dev.ferry.app.task;

import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/**
 * The one way the app runs disk, engine and cluster work: off the FX thread, with progress and cancel, results
 * delivered back on the UI thread. View models depend on this interface; the app uses
 * {@link ExecutorTaskRunner#forFx()}, view-model tests {@link ExecutorTaskRunner#synchronous()}.
 *
 * <p>The activity properties describe the most recently started task that is still running, for the status bar.
 * They change on the UI thread only.
 */
public interface TaskRunner {

    /**
     * Runs {@code task} in the background.
     *
     * @param title     what the status bar says while it runs ("Opening bundle shop-migration")
     * @param task      the work
     * @param onSuccess gets the result on the UI thread
     * @param onFailure gets the exception on the UI thread
     */
    <T> TaskHandle run(String title, BackgroundTask<T> task, Consumer<? super T> onSuccess,
                       Consumer<? super Exception> onFailure);

    /** True while any task runs. */
    ReadOnlyBooleanProperty busyProperty();

    /** The running task's progress, 0 to 1, or -1 when unknown. */
    ReadOnlyDoubleProperty progressProperty();

    /** The running task's latest message (or its title). Empty when idle. */
    ReadOnlyStringProperty messageProperty();

    /** Runs small deliveries on the UI thread (a task's live events, batched by {@link UiBatcher}). */
    Executor ui();

    /** Cancels every running task (the status bar's cancel button). */
    void cancelAll();
}
