package dev.ferry.app.task;

/**
 * Work that runs off the FX thread: disk, engine or cluster. It reports progress and checks for cancellation
 * through {@link TaskProgress}; it never touches the scene graph.
 *
 * @param <T> what it produces
 */
@FunctionalInterface
public interface BackgroundTask<T> {

    T call(TaskProgress progress) throws Exception;
}
