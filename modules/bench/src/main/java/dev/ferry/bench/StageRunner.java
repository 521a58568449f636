package dev.ferry.bench;

import java.util.Arrays;

/**
 * Runs one stage on one fixture: prepares it, runs the warm-up repetitions untimed, then times each repetition
 * alone (a full collection before each, so one repetition's garbage does not count against the next) and takes the
 * median.
 */
final class StageRunner {

    private static final long MIB = 1024 * 1024;

    private final int warmups;
    private final int repetitions;

    StageRunner(int warmups, int repetitions) {
        if (warmups < 0 || repetitions < 1) {
            throw new IllegalArgumentException("warm-ups must be 0 or more and repetitions 1 or more");
        }
        this.warmups = warmups;
        this.repetitions = repetitions;
    }

    Measurement measure(Stage stage, Fixture fixture) throws Exception {
        Stage.Run run;
        try {
            run = stage.prepare(fixture);
        } catch (Stage.SkippedException e) {
            return Measurement.skipped(stage.id(), fixture.requested(), e.getMessage());
        }
        try (run; HeapMonitor heap = new HeapMonitor()) {
            long inputs = HeapMonitor.retainedHeap();
            int rep = 0;
            for (int i = 0; i < warmups; i++, rep++) {
                run.run(rep);
                run.reset(rep);
            }
            long[] millis = new long[repetitions];
            HeapMonitor.Peak peak = new HeapMonitor.Peak(0, 0);
            int objects = 0;
            for (int i = 0; i < repetitions; i++, rep++) {
                heap.start();
                long started = System.nanoTime();
                objects = run.run(rep);
                millis[i] = (System.nanoTime() - started) / 1_000_000;
                peak = peak.max(heap.stop());
                run.reset(rep);
            }
            long[] sorted = millis.clone();
            Arrays.sort(sorted);
            return new Measurement(stage.id(), fixture.requested(), objects, repetitions, sorted[repetitions / 2],
                    sorted[0], sorted[repetitions - 1], peak.beforeGc() / MIB, peak.afterGc() / MIB, inputs / MIB, "");
        }
    }
}
