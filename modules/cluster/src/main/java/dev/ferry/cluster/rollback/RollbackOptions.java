package dev.ferry.cluster.rollback;

import dev.ferry.cluster.connect.RetryPolicy;
import java.time.Duration;

/**
 * How a wave is rolled back.
 *
 * @param deleteTimeout how long to wait for a deleted object to be gone (finalizers, terminating namespaces)
 * @param pollInterval  how often to check
 * @param retry         retries of 429, 5xx, timeouts and unreachable servers
 */
public record RollbackOptions(Duration deleteTimeout, Duration pollInterval, RetryPolicy retry) {

    public static RollbackOptions defaults() {
        return new RollbackOptions(Duration.ofMinutes(5), Duration.ofSeconds(2), RetryPolicy.defaults());
    }

    public RollbackOptions withPollInterval(Duration value) {
        return new RollbackOptions(deleteTimeout, value, retry);
    }

    public RollbackOptions withRetry(RetryPolicy value) {
        return new RollbackOptions(deleteTimeout, pollInterval, value);
    }

    public RollbackOptions withDeleteTimeout(Duration value) {
        return new RollbackOptions(value, pollInterval, retry);
    }
}
