package dev.ferry.bench;

import java.util.Locale;

/**
 * One stage at one estate size: the median wall time of the timed repetitions and the peak heap over them.
 *
 * @param stage        the stage's id
 * @param requested    the estate size asked of the generator
 * @param objects      how many objects one repetition handled
 * @param repetitions  how many repetitions were timed (after the warm-up)
 * @param medianMillis the median wall time of one repetition
 * @param minMillis    the fastest repetition
 * @param maxMillis    the slowest repetition
 * @param peakHeapMiB  the largest heap occupancy seen (before a collection, or at the end of a repetition)
 * @param peakLiveMiB  the largest heap occupancy left after a collection: an upper bound of the live set
 * @param inputsMiB    what the prepared inputs held before the first repetition (included in both peaks)
 * @param skipped      why the stage did not run, or empty when it ran
 */
record Measurement(String stage, int requested, int objects, int repetitions, long medianMillis, long minMillis,
                   long maxMillis, long peakHeapMiB, long peakLiveMiB, long inputsMiB, String skipped) {

    static Measurement skipped(String stage, int requested, String reason) {
        return new Measurement(stage, requested, 0, 0, 0, 0, 0, 0, 0, 0, reason);
    }

    boolean ran() {
        return skipped.isEmpty();
    }

    /** Objects per second at the median. */
    long throughput() {
        return medianMillis == 0 ? 0 : Math.round(objects * 1000.0 / medianMillis);
    }

    /** Microseconds per object at the median. */
    double microsPerObject() {
        return objects == 0 ? 0 : medianMillis * 1000.0 / objects;
    }

    String toTsv() {
        return String.join("\t", stage, Integer.toString(requested), Integer.toString(objects),
                Integer.toString(repetitions), Long.toString(medianMillis), Long.toString(minMillis),
                Long.toString(maxMillis), Long.toString(peakHeapMiB), Long.toString(peakLiveMiB),
                Long.toString(inputsMiB), skipped.replace('\t', ' ').replace('\n', ' '));
    }

    static Measurement fromTsv(String line) {
        String[] f = line.split("\t", -1);
        if (f.length != 11) {
            throw new IllegalArgumentException("Not a benchmark result line (11 tab-separated fields): " + line);
        }
        return new Measurement(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2]), Integer.parseInt(f[3]),
                Long.parseLong(f[4]), Long.parseLong(f[5]), Long.parseLong(f[6]), Long.parseLong(f[7]),
                Long.parseLong(f[8]), Long.parseLong(f[9]), f[10]);
    }

    @Override
    public String toString() {
        return ran()
                ? String.format(Locale.ROOT, "%s %d objects: median %d ms (%d–%d, %d reps), %d objects/s, "
                        + "peak heap %d MiB, peak live %d MiB, inputs %d MiB", stage, objects, medianMillis,
                minMillis, maxMillis, repetitions, throughput(), peakHeapMiB, peakLiveMiB, inputsMiB)
                : stage + " " + requested + ": skipped: " + skipped;
    }
}
