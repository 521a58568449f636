package dev.ferry.app.editor;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The default executor for highlighting and diffing off the FX thread: one daemon thread, so editors never keep
 * the app alive and results arrive in the order the work was asked for. The shell may pass its own task runner's
 * executor to {@link YamlEditor} and the diff view instead.
 */
public final class EditorExecutor {

    private static final ExecutorService SHARED = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "ferry-editor");
        thread.setDaemon(true);
        return thread;
    });

    private EditorExecutor() {
    }

    public static Executor shared() {
        return SHARED;
    }
}
