package dev.ferry.app.task;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Hands items from a worker thread to the UI thread in batches: however fast items arrive, at most one delivery is
 * queued on the UI thread at a time, so a wave of 10,000 objects cannot flood the FX thread with events.
 *
 * @param <T> the items
 */
public final class UiBatcher<T> {

    private final Executor ui;
    private final Consumer<List<T>> deliver;
    private final ConcurrentLinkedQueue<T> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean queued = new AtomicBoolean();

    public UiBatcher(Executor ui, Consumer<List<T>> deliver) {
        this.ui = ui;
        this.deliver = deliver;
    }

    /** Called on any thread. */
    public void add(T item) {
        pending.add(item);
        if (queued.compareAndSet(false, true)) {
            ui.execute(this::drain);
        }
    }

    private void drain() {
        queued.set(false);
        List<T> batch = new ArrayList<>();
        for (T item = pending.poll(); item != null; item = pending.poll()) {
            batch.add(item);
        }
        if (!batch.isEmpty()) {
            deliver.accept(batch);
        }
    }
}
