package dev.ferry.cluster.status;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.cluster.apply.ObjectComparison;
import dev.ferry.cluster.apply.Readiness;
import dev.ferry.cluster.connect.Cancellation;
import dev.ferry.cluster.connect.ClusterException;
import dev.ferry.cluster.connect.ClusterReader;
import dev.ferry.cluster.connect.Retrier;
import dev.ferry.cluster.connect.RetryPolicy;
import dev.ferry.model.KubeObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Compares a wave's objects with the target: missing, drifted (the live object no longer holds what was applied,
 * ignoring fields the server sets; Secrets compared by the digests of their values), applied but not ready, or ready.
 * Reads only, so it works on any connection.
 */
public final class WaveStatusService {

    private final ClusterReader cluster;
    private final Retrier retrier;

    public WaveStatusService(ClusterReader cluster) {
        this(cluster, RetryPolicy.defaults(), Cancellation.none());
    }

    public WaveStatusService(ClusterReader cluster, RetryPolicy retry, Cancellation cancellation) {
        this.cluster = cluster;
        this.retrier = new Retrier(retry, cancellation);
    }

    /** The status of each object, in the order given. */
    public List<ObjectStatus> status(List<KubeObject> objects) throws ClusterException {
        List<ObjectStatus> result = new ArrayList<>();
        for (KubeObject object : objects) {
            result.add(statusOf(object));
        }
        return result;
    }

    public ObjectStatus statusOf(KubeObject object) throws ClusterException {
        Optional<ObjectNode> live = retrier.call("read " + object.key(), () -> cluster.get(object.key()));
        if (live.isEmpty()) {
            return new ObjectStatus(object.key(), ObjectStatus.State.MISSING, "");
        }
        List<String> differences = ObjectComparison.missingFromLive(object.body(), live.get());
        if (!differences.isEmpty()) {
            return new ObjectStatus(object.key(), ObjectStatus.State.DRIFTED, "differs at "
                    + String.join(", ", differences));
        }
        Readiness.State readiness = Readiness.of(live.get());
        return readiness.ready()
                ? new ObjectStatus(object.key(), ObjectStatus.State.READY, "")
                : new ObjectStatus(object.key(), ObjectStatus.State.APPLIED, readiness.waitingFor());
    }
}
