package dev.ferry.cluster.connect;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A flag the user (the app's cancel button, the CLI's Ctrl-C) raises to stop long cluster work between two steps.
 * Work stops at the next safe point: never between writing to the cluster and recording it in the journal.
 * Waiting through {@link #sleep} wakes up as soon as cancellation is requested.
 */
public final class Cancellation {

    private final CountDownLatch cancelled = new CountDownLatch(1);

    public static Cancellation none() {
        return new Cancellation();
    }

    public void cancel() {
        cancelled.countDown();
    }

    public boolean isCancelled() {
        return cancelled.getCount() == 0;
    }

    /** Throws a {@link ClusterException} with reason {@code CANCELLED} when cancellation was requested. */
    public void check(String what) throws ClusterException {
        if (isCancelled() || Thread.currentThread().isInterrupted()) {
            throw new ClusterException(ClusterException.Reason.CANCELLED, "Cancelled while " + what + ".");
        }
    }

    /** Waits {@code millis}, or less if cancelled; throws when cancelled or interrupted. */
    public void sleep(long millis, String what) throws ClusterException {
        try {
            if (millis > 0 && cancelled.await(millis, TimeUnit.MILLISECONDS)) {
                check(what);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterException(ClusterException.Reason.CANCELLED, "Interrupted while " + what + ".", e);
        }
        check(what);
    }
}
