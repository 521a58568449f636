package dev.ferry.cluster.connect;

import java.util.List;

/**
 * What discovery found: every served type (preferred version of each group) and the group versions that could not be
 * read (an aggregated API that is down answers 503), each with the reason.
 */
public record Discovery(List<ResourceType> types, List<String> failures) {

    public Discovery {
        types = List.copyOf(types);
        failures = List.copyOf(failures);
    }
}
