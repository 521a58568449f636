package dev.ferry.app.stall;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StallMonitorTest {

    @Test
    void keepsTheLongestLatencyUntilReset() {
        try (StallMonitor monitor = StallMonitor.start(r -> { })) {
            monitor.record(TimeUnit.MILLISECONDS.toNanos(30));
            monitor.record(TimeUnit.MILLISECONDS.toNanos(250));
            monitor.record(TimeUnit.MILLISECONDS.toNanos(40));

            assertThat(monitor.longestStallMillis()).isEqualTo(250);
            monitor.reset();
            assertThat(monitor.longestStallMillis()).isZero();
        }
    }

    @Test
    void probesTheWatchedThreadRepeatedly() throws InterruptedException {
        CountDownLatch probes = new CountDownLatch(3);
        try (StallMonitor monitor = StallMonitor.start(r -> {
            r.run();
            probes.countDown();
        })) {
            assertThat(probes.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(monitor.probes()).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void countsAStopTheWorldCollectionAsAStallOfItsLength() {
        try (StallMonitor monitor = StallMonitor.start(r -> { })) {
            monitor.collected("G1 Young Generation", 140);
            monitor.collected("ZGC Cycles", 900);
            monitor.collected("G1 Concurrent GC", 700);

            assertThat(monitor.longestStallMillis()).isEqualTo(140);
            assertThat(monitor.pauses()).isEqualTo(1);
        }
    }

    @Test
    void hearsTheJvmsCollections() throws InterruptedException {
        try (StallMonitor monitor = StallMonitor.start(r -> { })) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (monitor.pauses() == 0 && System.nanoTime() < deadline) {
                System.gc(); // a full collection: a pause every collector reports
                Thread.sleep(50);
            }
            assertThat(monitor.pauses()).isPositive();
        }
    }
}
