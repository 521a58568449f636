package dev.ferry.app.stall;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures how long the FX thread is kept from running: every {@value #PROBE_MILLIS} ms a probe is posted with
 * {@link Platform#runLater}; the time until it runs is the FX thread's latency. The longest since the last
 * {@link #reset()} is kept for the benchmark, and every stall over {@value #LOG_ABOVE_MILLIS} ms is logged.
 * Never blocks the FX thread; one probe is in flight at a time.
 */
public final class StallMonitor implements AutoCloseable {

    static final long PROBE_MILLIS = 20;
    static final long LOG_ABOVE_MILLIS = 100;
    private static final Logger LOG = LoggerFactory.getLogger(StallMonitor.class);

    private final Consumer<Runnable> fxThread;
    private final ScheduledExecutorService timer;
    private final AtomicBoolean inFlight = new AtomicBoolean();
    private final AtomicLong longestNanos = new AtomicLong();
    private final AtomicLong probes = new AtomicLong();

    private StallMonitor(Consumer<Runnable> fxThread) {
        this.fxThread = fxThread;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "ferry-stall-monitor");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts watching the FX thread. */
    public static StallMonitor start() {
        return start(Platform::runLater);
    }

    /** Starts watching whatever thread {@code post} runs its argument on (tests pass their own). */
    public static StallMonitor start(Consumer<Runnable> post) {
        StallMonitor monitor = new StallMonitor(post);
        monitor.timer.scheduleWithFixedDelay(monitor::probe, PROBE_MILLIS, PROBE_MILLIS, TimeUnit.MILLISECONDS);
        return monitor;
    }

    private void probe() {
        if (!inFlight.compareAndSet(false, true)) {
            return;
        }
        long posted = System.nanoTime();
        fxThread.accept(() -> {
            long latency = System.nanoTime() - posted;
            inFlight.set(false);
            probes.incrementAndGet();
            record(latency);
        });
    }

    void record(long latencyNanos) {
        long before = longestNanos.getAndAccumulate(latencyNanos, Math::max);
        if (latencyNanos > TimeUnit.MILLISECONDS.toNanos(LOG_ABOVE_MILLIS)) {
            LOG.warn("The FX thread stalled for {} ms (longest so far {} ms)",
                    TimeUnit.NANOSECONDS.toMillis(latencyNanos),
                    TimeUnit.NANOSECONDS.toMillis(Math.max(before, latencyNanos)));
        }
    }

    /** The longest FX-thread stall seen since start or the last reset, in milliseconds. */
    public long longestStallMillis() {
        return TimeUnit.NANOSECONDS.toMillis(longestNanos.get());
    }

    /** How many probes have come back: a benchmark checks the monitor really ran. */
    public long probes() {
        return probes.get();
    }

    /** Forgets the longest stall, so a benchmark can measure one phase. */
    public void reset() {
        longestNanos.set(0);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
