package dev.ferry.cluster.connect;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How often and how patiently a call is retried when the server is throttling (429), failing (5xx), unreachable or
 * slow: exponential backoff from {@code initialDelay} up to {@code maxDelay}, each delay drawn at random between half
 * and all of it (jitter, so that many clients do not retry in step). A {@code Retry-After} from the server is honoured
 * up to {@code maxDelay}.
 *
 * @param maxAttempts  attempts in all, at least 1 (1 means no retry)
 * @param initialDelay delay before the second attempt
 * @param maxDelay     the longest single delay
 * @param random       source of jitter; pass a seeded one for reproducible tests
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay, RandomGenerator random) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(random, "random");
    }

    /** Six attempts, from 250 ms up to 15 s: about half a minute of patience in all. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(6, Duration.ofMillis(250), Duration.ofSeconds(15), RandomGenerator.getDefault());
    }

    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, RandomGenerator.getDefault());
    }

    public RetryPolicy withMaxAttempts(int attempts) {
        return new RetryPolicy(attempts, initialDelay, maxDelay, random);
    }

    public RetryPolicy withDelays(Duration initial, Duration max) {
        return new RetryPolicy(maxAttempts, initial, max, random);
    }

    /** The delay before attempt {@code attempt + 1}, after {@code attempt} failed attempts (1-based). */
    public Duration delayAfter(int attempt, Duration serverAsked) {
        long base = initialDelay.toMillis();
        for (int i = 1; i < attempt && base < maxDelay.toMillis(); i++) {
            base *= 2;
        }
        base = Math.min(base, maxDelay.toMillis());
        long jittered = base <= 1 ? base : base / 2 + random.nextLong(base / 2 + 1);
        if (serverAsked != null) {
            jittered = Math.max(jittered, Math.min(serverAsked.toMillis(), maxDelay.toMillis()));
        }
        return Duration.ofMillis(jittered);
    }
}
