package dev.ferry.cluster.connect;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.model.ResourceKey;
import java.util.Optional;

/**
 * A connection to the cluster Ferry migrates to: reads, plus the writes apply and rollback need. Every write uses the
 * field manager {@value #FIELD_MANAGER}. Each call is one attempt; callers retry through a {@link Retrier}.
 */
public final class TargetCluster implements ClusterReader {

    /** The field manager of every write Ferry makes. */
    public static final String FIELD_MANAGER = KubeApi.FIELD_MANAGER;

    private final KubeApi api;
    private final ClusterInfo info;

    TargetCluster(KubeApi api, ClusterInfo info) {
        this.api = api;
        this.info = info;
    }

    @Override
    public ClusterInfo info() {
        return info;
    }

    @Override
    public Discovery discover() throws ClusterException {
        return api.discover();
    }

    @Override
    public ListPage list(ResourceType type, String namespace, int limit, String continueToken)
            throws ClusterException {
        return api.list(type, namespace, limit, continueToken);
    }

    @Override
    public Optional<ObjectNode> get(ResourceKey key) throws ClusterException {
        return api.get(key);
    }

    @Override
    public Optional<ResourceType> typeOf(String apiVersion, String kind) throws ClusterException {
        return api.typeOf(apiVersion, kind);
    }

    /**
     * Server-side apply ({@code application/apply-patch+yaml}, strict field validation, conflicts not forced).
     *
     * @param dryRun true for {@code dryRun=All}: the server validates and admits the object but persists nothing
     * @return the object as the server has (or, in a dry run, would have) it
     */
    public ObjectNode apply(ObjectNode body, boolean dryRun) throws ClusterException {
        return api.apply(body, dryRun);
    }

    /** Replaces the object with {@code body} (a PUT; {@code body} carries the resourceVersion it replaces). */
    public ObjectNode replace(ObjectNode body) throws ClusterException {
        return api.replace(body);
    }

    /** Creates the object (a POST); fails with a conflict when it exists. */
    public ObjectNode create(ObjectNode body) throws ClusterException {
        return api.create(body);
    }

    /** Deletes the object (background propagation). False when it did not exist. */
    public boolean delete(ResourceKey key) throws ClusterException {
        return api.delete(key);
    }

    @Override
    public void close() {
        api.close();
    }

    @Override
    public String toString() {
        return "target " + info;
    }
}
