package dev.ferry.cluster.apply;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.cluster.connect.Cancellation;
import dev.ferry.cluster.connect.ClusterException;
import dev.ferry.cluster.connect.ClusterReader;
import dev.ferry.cluster.connect.Retrier;
import dev.ferry.model.ResourceKey;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/** Polls one object until it is ready, failed for good, or its kind's timeout passes, reporting what it waits for. */
final class ReadinessWaiter {

    private final ClusterReader cluster;
    private final Retrier retrier;
    private final Cancellation cancellation;
    private final Duration pollInterval;

    ReadinessWaiter(ClusterReader cluster, Retrier retrier, Cancellation cancellation, Duration pollInterval) {
        this.cluster = cluster;
        this.retrier = retrier;
        this.cancellation = cancellation;
        this.pollInterval = pollInterval;
    }

    /** The final state; {@code waiting} is told each new thing waited for. */
    Readiness.State await(ResourceKey key, Duration timeout, Consumer<String> waiting) throws ClusterException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = null;
        while (true) {
            Optional<ObjectNode> live = retrier.call("read " + key, () -> cluster.get(key));
            if (live.isEmpty()) {
                return Readiness.State.failed("the object disappeared from the target while Ferry waited for it");
            }
            Readiness.State state = Readiness.of(live.get());
            if (state.ready() || state.failed()) {
                return state;
            }
            if (!state.waitingFor().equals(last)) {
                last = state.waitingFor();
                waiting.accept(last);
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Readiness.State.failed("not ready after " + describe(timeout) + ": still waiting for " + last);
            }
            cancellation.sleep(Math.min(pollInterval.toMillis(), Math.max(1, left / 1_000_000)),
                    "waiting for " + key);
        }
    }

    private static String describe(Duration duration) {
        return duration.toSeconds() >= 60 ? duration.toMinutes() + " min" : duration.toSeconds() + " s";
    }
}
