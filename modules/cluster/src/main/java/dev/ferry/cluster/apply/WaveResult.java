package dev.ferry.cluster.apply;

import dev.ferry.cluster.connect.ClusterException;
import dev.ferry.model.ResourceKey;
import java.util.List;
import java.util.Optional;

/**
 * How an apply of a wave ended.
 *
 * @param wave      the wave
 * @param outcome   see {@link Outcome}
 * @param rejections the dry-run rejections (outcome {@code REJECTED}); nothing was written
 * @param failure   the write that stopped the wave (outcome {@code STOPPED}), or null
 * @param applied   objects written by this run
 * @param resumed   objects an earlier, interrupted run had written, not written again
 * @param notReady  objects applied but not ready in time, with what they waited for
 */
public record WaveResult(int wave, Outcome outcome, List<Rejection> rejections, Failure failure, int applied,
                         int resumed, List<Rejection> notReady) {

    /** How the wave ended. */
    public enum Outcome {
        /** The dry run rejected objects; nothing was written. */
        REJECTED,
        /** Dry run only, and every object passed. */
        DRY_RUN_PASSED,
        /** Every object applied and ready. */
        APPLIED,
        /** Every object applied; some not ready in time. */
        NOT_READY,
        /** A write failed (409, 403, server gone); the wave stopped at that object; the journal is consistent. */
        STOPPED,
        /** Cancelled between two objects; the journal is consistent. Apply again to resume. */
        CANCELLED
    }

    /** The write that stopped a wave: the object, the reason and the message for the user. */
    public record Failure(ResourceKey resource, ClusterException.Reason reason, int status, String message) {
    }

    public WaveResult {
        rejections = List.copyOf(rejections);
        notReady = List.copyOf(notReady);
    }

    public Optional<Failure> stoppedBy() {
        return Optional.ofNullable(failure);
    }

    public boolean succeeded() {
        return outcome == Outcome.APPLIED || outcome == Outcome.DRY_RUN_PASSED;
    }
}
