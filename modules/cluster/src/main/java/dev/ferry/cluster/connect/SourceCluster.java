package dev.ferry.cluster.connect;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.model.ResourceKey;
import java.util.Optional;

/**
 * A connection to the cluster Ferry migrates from. It can only read: this type has no write operation at all, and it
 * does not hand out the client it reads through, so nothing that holds a {@code SourceCluster} can change the source.
 */
public final class SourceCluster implements ClusterReader {

    private final KubeApi api;
    private final ClusterInfo info;

    SourceCluster(KubeApi api, ClusterInfo info) {
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

    @Override
    public void close() {
        api.close();
    }

    @Override
    public String toString() {
        return "source " + info;
    }
}
