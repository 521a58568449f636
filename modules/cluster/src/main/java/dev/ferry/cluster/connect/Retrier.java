package dev.ferry.cluster.connect;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs a cluster call under a {@link RetryPolicy}: retries 429, 5xx, timeouts and unreachable servers only. */
public final class Retrier {

    private static final Logger LOG = LoggerFactory.getLogger(Retrier.class);

    /** One call to the cluster. */
    @FunctionalInterface
    public interface Call<T> {
        T run() throws ClusterException;
    }

    /** Told about each retry, so a listener can show "retrying in 2 s (429)". */
    @FunctionalInterface
    public interface RetryObserver {
        void retrying(int attempt, Duration delay, ClusterException cause);

        static RetryObserver none() {
            return (attempt, delay, cause) -> { };
        }
    }

    private final RetryPolicy policy;
    private final Cancellation cancellation;
    private final RetryObserver observer;

    public Retrier(RetryPolicy policy, Cancellation cancellation) {
        this(policy, cancellation, RetryObserver.none());
    }

    public Retrier(RetryPolicy policy, Cancellation cancellation, RetryObserver observer) {
        this.policy = policy;
        this.cancellation = cancellation;
        this.observer = observer;
    }

    public <T> T call(String what, Call<T> call) throws ClusterException {
        for (int attempt = 1; ; attempt++) {
            cancellation.check(what);
            try {
                return call.run();
            } catch (ClusterException e) {
                if (!e.retryable() || attempt >= policy.maxAttempts()) {
                    if (e.retryable()) {
                        throw e.withMessage(e.getMessage() + " (gave up after " + attempt + " attempts)");
                    }
                    throw e;
                }
                Duration delay = policy.delayAfter(attempt, e.retryAfter().orElse(null));
                LOG.info("{} failed ({}), retrying in {} ms (attempt {} of {})", what, e.reason(), delay.toMillis(),
                        attempt + 1, policy.maxAttempts());
                observer.retrying(attempt, delay, e);
                cancellation.sleep(delay.toMillis(), what);
            }
        }
    }
}
