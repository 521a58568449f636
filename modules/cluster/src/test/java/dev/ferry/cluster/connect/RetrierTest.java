package dev.ferry.cluster.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.cluster.connect.ClusterException.Reason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetrierTest {

    private final RetryPolicy fast = new RetryPolicy(4, Duration.ofMillis(1), Duration.ofMillis(4), new Random(7));

    @Test
    void retriesThrottlingAndServerErrorsUntilTheCallSucceeds() throws ClusterException {
        AtomicInteger calls = new AtomicInteger();
        List<Reason> seen = new ArrayList<>();
        Retrier retrier = new Retrier(fast, Cancellation.none(), (attempt, delay, cause) -> seen.add(cause.reason()));

        String result = retrier.call("apply", () -> {
            int n = calls.incrementAndGet();
            if (n == 1) {
                throw new ClusterException(Reason.THROTTLED, "429");
            }
            if (n == 2) {
                throw new ClusterException(Reason.SERVER_ERROR, "500");
            }
            return "ok";
        });

        assertThat(result).isEqualTo("ok");
        assertThat(calls).hasValue(3);
        assertThat(seen).containsExactly(Reason.THROTTLED, Reason.SERVER_ERROR);
    }

    @Test
    void conflictsAndRefusalsAreNeverRetried() {
        AtomicInteger calls = new AtomicInteger();
        Retrier retrier = new Retrier(fast, Cancellation.none());
        assertThatThrownBy(() -> retrier.call("apply", () -> {
            calls.incrementAndGet();
            throw new ClusterException(Reason.CONFLICT, "409");
        })).isInstanceOf(ClusterException.class).hasMessage("409");
        assertThat(calls).hasValue(1);
    }

    @Test
    void givesUpAfterTheLastAttemptAndSaysSo() {
        AtomicInteger calls = new AtomicInteger();
        Retrier retrier = new Retrier(fast, Cancellation.none());
        assertThatThrownBy(() -> retrier.call("list", () -> {
            calls.incrementAndGet();
            throw new ClusterException(Reason.UNREACHABLE, "refused");
        })).isInstanceOf(ClusterException.class).hasMessageContaining("gave up after 4 attempts");
        assertThat(calls).hasValue(4);
    }

    @Test
    void aCancelledRetrierStopsBeforeTheNextAttempt() {
        Cancellation cancellation = new Cancellation();
        cancellation.cancel();
        assertThatThrownBy(() -> new Retrier(fast, cancellation).call("list", () -> "never"))
                .isInstanceOf(ClusterException.class)
                .satisfies(e -> assertThat(((ClusterException) e).reason()).isEqualTo(Reason.CANCELLED));
    }

    @Test
    void delaysGrowWithJitterUpToTheMaximumAndHonourRetryAfter() {
        RetryPolicy policy = new RetryPolicy(10, Duration.ofMillis(100), Duration.ofSeconds(1), new Random(1));
        for (int attempt = 1; attempt <= 8; attempt++) {
            long base = Math.min(100L << (attempt - 1), 1000L);
            assertThat(policy.delayAfter(attempt, null).toMillis()).isBetween(base / 2, base);
        }
        assertThat(policy.delayAfter(1, Duration.ofMillis(700)).toMillis()).isEqualTo(700);
        assertThat(policy.delayAfter(1, Duration.ofSeconds(30)).toMillis()).isEqualTo(1000);
    }
}
