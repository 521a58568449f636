package dev.ferry.model.sanitize;

import dev.ferry.model.KubeObject;
import java.util.List;

/**
 * The sanitized source: objects to migrate, objects excluded with their reasons, the Nodes (for the node-pool
 * analysis; never migrated), and notes on objects defined more than once.
 */
public record SanitizedEstate(List<KubeObject> objects, List<Exclusion> excluded, List<KubeObject> nodes,
                              List<String> duplicates) {

    public SanitizedEstate {
        objects = List.copyOf(objects);
        excluded = List.copyOf(excluded);
        nodes = List.copyOf(nodes);
        duplicates = List.copyOf(duplicates);
    }
}
