package dev.ferry.app.task;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link TaskRunner} over two executors: one that runs the work and one that delivers results and progress (the
 * FX thread through {@link Platform#runLater}). Progress updates are coalesced: however fast a task reports, at most
 * one delivery per task is queued on the UI thread at a time, so a chatty task cannot flood the FX thread.
 */
public final class ExecutorTaskRunner implements TaskRunner, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ExecutorTaskRunner.class);

    private final Executor worker;
    private final Executor ui;
    private final ExecutorService owned;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    /** Running tasks, newest last; touched on the UI thread only. */
    private final Deque<Running> running = new ArrayDeque<>();

    private ExecutorTaskRunner(Executor worker, Executor ui, ExecutorService owned) {
        this.worker = worker;
        this.ui = ui;
        this.owned = owned;
    }

    /** The app's runner: a small pool of daemon threads; results on the FX thread. */
    public static ExecutorTaskRunner forFx() {
        AtomicInteger count = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
            Thread thread = new Thread(r, "ferry-task-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        return new ExecutorTaskRunner(pool, Platform::runLater, pool);
    }

    /** Runs every task at once on the calling thread and delivers its outcome before returning: for view-model tests. */
    public static ExecutorTaskRunner synchronous() {
        return new ExecutorTaskRunner(Runnable::run, Runnable::run, null);
    }

    /** Any pair of executors, for tests that want to hold a task back. */
    public static ExecutorTaskRunner over(Executor worker, Executor ui) {
        return new ExecutorTaskRunner(worker, ui, null);
    }

    @Override
    public <T> TaskHandle run(String title, BackgroundTask<T> task, Consumer<? super T> onSuccess,
                              Consumer<? super Exception> onFailure) {
        Running handle = new Running(title);
        ui.execute(() -> started(handle));
        worker.execute(() -> {
            if (handle.isCancelled()) {
                ui.execute(() -> finished(handle));
                return;
            }
            handle.thread.set(Thread.currentThread());
            try {
                T result = task.call(handle);
                handle.thread.set(null);
                ui.execute(() -> {
                    finished(handle);
                    if (!handle.isCancelled()) {
                        onSuccess.accept(result);
                    }
                });
            } catch (Exception e) {
                handle.thread.set(null);
                ui.execute(() -> {
                    finished(handle);
                    if (handle.isCancelled() || e instanceof CancellationException) {
                        LOG.info("{}: cancelled", title);
                    } else {
                        onFailure.accept(e);
                    }
                });
            } catch (Error e) {
                handle.thread.set(null);
                LOG.error("{} failed unexpectedly", title, e);
                ui.execute(() -> {
                    finished(handle);
                    onFailure.accept(new IllegalStateException(title + " failed: " + e, e));
                });
            } finally {
                Thread.interrupted(); // a cancel may have interrupted us; do not leak it into the pool
            }
        });
        return handle;
    }

    private void started(Running handle) {
        if (handle.done.get()) {
            return;
        }
        running.addLast(handle);
        show();
    }

    private void finished(Running handle) {
        handle.done.set(true);
        running.remove(handle);
        show();
    }

    private void show() {
        Running top = running.peekLast();
        busy.set(top != null);
        progress.set(top == null ? 0 : top.fraction);
        message.set(top == null ? "" : top.text);
    }

    @Override
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    @Override
    public Executor ui() {
        return ui;
    }

    @Override
    public void cancelAll() {
        for (Running handle : running.toArray(new Running[0])) {
            handle.cancel();
        }
    }

    @Override
    public void close() {
        if (owned != null) {
            owned.shutdownNow();
        }
    }

    private final class Running implements TaskHandle, TaskProgress {
        private final AtomicBoolean cancelled = new AtomicBoolean();
        private final AtomicBoolean done = new AtomicBoolean();
        private final AtomicReference<Thread> thread = new AtomicReference<>();
        private final AtomicReference<double[]> pendingFraction = new AtomicReference<>();
        private final AtomicReference<String> pendingMessage = new AtomicReference<>();
        private final AtomicBoolean deliveryQueued = new AtomicBoolean();
        /** Shown values; UI thread only. */
        private double fraction = -1;
        private String text;

        Running(String title) {
            this.text = title;
        }

        @Override
        public void update(double fraction, String message) {
            pendingFraction.set(new double[] {fraction});
            pendingMessage.set(message);
            if (deliveryQueued.compareAndSet(false, true)) {
                ui.execute(this::deliver);
            }
        }

        private void deliver() {
            deliveryQueued.set(false);
            double[] f = pendingFraction.get();
            String m = pendingMessage.get();
            if (f != null) {
                fraction = f[0];
            }
            if (m != null && !m.isBlank()) {
                text = m;
            }
            if (running.peekLast() == this) {
                show();
            }
        }

        @Override
        public boolean isCancelled() {
            return cancelled.get();
        }

        @Override
        public void cancel() {
            if (cancelled.compareAndSet(false, true)) {
                Thread t = thread.get();
                if (t != null) {
                    t.interrupt();
                }
            }
        }

        @Override
        public boolean isDone() {
            return done.get();
        }
    }
}
