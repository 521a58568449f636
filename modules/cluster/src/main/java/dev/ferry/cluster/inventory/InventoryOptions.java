package dev.ferry.cluster.inventory;

import dev.ferry.cluster.connect.RetryPolicy;
import java.util.List;

/**
 * What to inventory and how hard to push the server.
 *
 * @param namespaces  namespaces to list (namespaced types); empty for all. Cluster-scoped types are always listed
 *                    in full (a workload needs its StorageClasses and ClusterRoles), except Namespaces, which are
 *                    limited to the ones named
 * @param parallelism how many types are listed at once
 * @param pageSize    objects per list request ({@code limit}); the rest comes with {@code continue}
 * @param retry       retries of 429, 5xx and timeouts per request
 */
public record InventoryOptions(List<String> namespaces, int parallelism, int pageSize, RetryPolicy retry) {

    public InventoryOptions {
        namespaces = List.copyOf(namespaces);
        if (parallelism < 1 || pageSize < 1) {
            throw new IllegalArgumentException("parallelism and pageSize must be positive");
        }
    }

    public static InventoryOptions defaults() {
        return new InventoryOptions(List.of(), 4, 500, RetryPolicy.defaults());
    }

    public InventoryOptions withNamespaces(List<String> value) {
        return new InventoryOptions(value, parallelism, pageSize, retry);
    }

    public InventoryOptions withRetry(RetryPolicy value) {
        return new InventoryOptions(namespaces, parallelism, pageSize, value);
    }

    public InventoryOptions withPageSize(int value) {
        return new InventoryOptions(namespaces, parallelism, value, retry);
    }

    public InventoryOptions withParallelism(int value) {
        return new InventoryOptions(namespaces, value, pageSize, retry);
    }
}
