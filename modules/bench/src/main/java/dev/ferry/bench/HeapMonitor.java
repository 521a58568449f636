package dev.ferry.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Peak heap of a measured stretch, from the JVM's own garbage-collection notifications: every collection reports the
 * heap occupancy just before it (the most the heap held since the previous collection) and just after it (what was
 * still reachable, an upper bound of the live set). The largest of each over the stretch, plus a sample of the used
 * heap at its end (after the last collection), are the two peaks. Collections the benchmark itself asked for
 * ({@code System.gc()} between repetitions) are ignored.
 */
final class HeapMonitor implements AutoCloseable {

    private static final String EXPLICIT = "System.gc()";

    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = this::onNotification;
    private long beforeGcPeak;
    private long afterGcPeak;
    private boolean armed;

    HeapMonitor() {
        for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (bean instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                emitters.add(emitter);
            }
        }
    }

    /** Collects what earlier work left behind, then starts a fresh stretch. */
    synchronized void start() {
        armed = false;
        System.gc();
        beforeGcPeak = usedHeap();
        afterGcPeak = beforeGcPeak;
        armed = true;
    }

    /** Ends the stretch (call while the stage's result is still reachable) and returns its peaks in bytes. */
    synchronized Peak stop() {
        armed = false;
        long used = usedHeap();
        return new Peak(Math.max(beforeGcPeak, used), Math.max(afterGcPeak, used));
    }

    /** Heap in use after a full collection: what the stage's prepared inputs hold. */
    static long retainedHeap() {
        System.gc();
        return usedHeap();
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private synchronized void onNotification(Notification notification, Object handback) {
        if (!armed || !GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info =
                GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        if (EXPLICIT.equals(info.getGcCause())) {
            return;
        }
        beforeGcPeak = Math.max(beforeGcPeak, total(info.getGcInfo().getMemoryUsageBeforeGc()));
        afterGcPeak = Math.max(afterGcPeak, total(info.getGcInfo().getMemoryUsageAfterGc()));
    }

    private static long total(Map<String, MemoryUsage> pools) {
        long sum = 0;
        for (Map.Entry<String, MemoryUsage> pool : pools.entrySet()) {
            if (isHeapPool(pool.getKey())) {
                sum += pool.getValue().getUsed();
            }
        }
        return sum;
    }

    private static boolean isHeapPool(String name) {
        // G1, Parallel and Serial heap pools; the GC reports non-heap pools (Metaspace, code cache) too.
        return name.contains("Eden") || name.contains("Survivor") || name.contains("Old") || name.contains("Tenured");
    }

    @Override
    public void close() {
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(listener);
            } catch (javax.management.ListenerNotFoundException e) {
                // already gone
            }
        }
    }

    /** Peak heap occupancy of a stretch, in bytes: before a collection, and what survived one. */
    record Peak(long beforeGc, long afterGc) {

        Peak max(Peak other) {
            return new Peak(Math.max(beforeGc, other.beforeGc), Math.max(afterGc, other.afterGc));
        }
    }
}
