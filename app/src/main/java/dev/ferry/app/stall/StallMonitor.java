package dev.ferry.app.stall;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.application.Platform;
import javax.management.ListenerNotFoundException;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures how long the FX thread is kept from running: every {@value #PROBE_MILLIS} ms a probe is posted with
 * {@link Platform#runLater}; the time until it runs is the FX thread's latency. A garbage-collection pause stops every
 * thread, the probe's timer too, so a probe rarely sees one: each stop-the-world pause the JVM reports is counted as
 * a stall of its own length. The longest since the last {@link #reset()} is kept for the benchmark, and every stall
 * over {@value #LOG_ABOVE_MILLIS} ms is logged. Never blocks the FX thread; one probe is in flight at a time.
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
    private final AtomicLong pauses = new AtomicLong();
    private final List<Runnable> unsubscribe = new ArrayList<>();

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
        monitor.listenToCollectors();
        return monitor;
    }

    private void listenToCollectors() {
        NotificationListener listener = (notification, handback) -> {
            if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                GarbageCollectionNotificationInfo info =
                        GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                collected(info.getGcName(), info.getGcInfo().getDuration());
            }
        };
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                unsubscribe.add(() -> {
                    try {
                        emitter.removeNotificationListener(listener);
                    } catch (ListenerNotFoundException e) {
                        // already gone
                    }
                });
            }
        }
    }

    /**
     * One collection reported by the JVM. Collectors that run beside the application (ZGC's and Shenandoah's
     * "Cycles", G1's "Concurrent GC") report a cycle's length, not a pause, and are not stalls.
     */
    void collected(String collector, long millis) {
        if (collector.contains("Cycles") || collector.contains("Concurrent")) {
            return;
        }
        pauses.incrementAndGet();
        record(TimeUnit.MILLISECONDS.toNanos(millis));
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
            LOG.warn("The FX thread (or the whole JVM, in a collection pause) stalled for {} ms (longest so far {} ms)",
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

    /** How many stop-the-world collections have been counted. */
    public long pauses() {
        return pauses.get();
    }

    /** Forgets the longest stall, so a benchmark can measure one phase. */
    public void reset() {
        longestNanos.set(0);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        unsubscribe.forEach(Runnable::run);
    }
}
