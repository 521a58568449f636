package dev.ferry.cluster.inventory;

import dev.ferry.cluster.connect.ClusterInfo;
import dev.ferry.model.sanitize.Exclusion;
import java.nio.file.Path;
import java.util.List;

/**
 * What an inventory wrote and what it could not read.
 *
 * @param folder   the inventory folder
 * @param cluster  where it was read from
 * @param objects  objects written (including Nodes)
 * @param listed   each type listed, with its count of objects read
 * @param failures each type that could not be listed, with the reason; its objects are not in the folder
 * @param skipped  types not listed because none of their objects is ever the workload's own, with the reason
 * @param excluded objects read but not written, with the reason (owned Pods, system namespaces...)
 * @param discoveryFailures API groups discovery could not read
 */
public record InventoryResult(Path folder, ClusterInfo cluster, long objects, List<TypeCount> listed,
                              List<TypeFailure> failures, List<TypeFailure> skipped, List<Exclusion> excluded,
                              List<String> discoveryFailures) {

    /** A type and how many objects were read from it. */
    public record TypeCount(String apiVersion, String kind, long objects) {
    }

    /** A type and why it is not in the inventory. */
    public record TypeFailure(String apiVersion, String kind, String reason) {
    }

    public InventoryResult {
        listed = List.copyOf(listed);
        failures = List.copyOf(failures);
        skipped = List.copyOf(skipped);
        excluded = List.copyOf(excluded);
        discoveryFailures = List.copyOf(discoveryFailures);
    }
}
