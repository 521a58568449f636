package dev.ferry.cluster.connect;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.model.ResourceKey;
import java.util.Optional;

/**
 * The read operations every connection has. {@link SourceCluster} has only these; {@link TargetCluster} adds writes.
 * Implementations are thread-safe. Each call is one attempt; wrap calls in a {@link Retrier} to retry.
 */
public interface ClusterReader extends AutoCloseable {

    /** Context, server, version and user of the connection. */
    ClusterInfo info();

    /** Discovers every served type (core, groups, CRDs; preferred versions), refreshing the cached view. */
    Discovery discover() throws ClusterException;

    /**
     * One page of the objects of {@code type}.
     *
     * @param namespace     a namespace, or null or empty for all namespaces (and for cluster-scoped types)
     * @param limit         the page size the server is asked for
     * @param continueToken the previous page's token, or empty for the first page
     */
    ListPage list(ResourceType type, String namespace, int limit, String continueToken) throws ClusterException;

    /** The live object, or empty when it does not exist. */
    Optional<ObjectNode> get(ResourceKey key) throws ClusterException;

    /**
     * The served type of {@code apiVersion}/{@code kind} (any version of the group), discovering again once when it
     * is not known yet (a CRD applied a moment ago); empty when the server does not serve it.
     */
    Optional<ResourceType> typeOf(String apiVersion, String kind) throws ClusterException;

    /** Releases the connection. */
    @Override
    void close();
}
