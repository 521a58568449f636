package dev.ferry.cluster.connect;

import java.util.List;

/**
 * What discovery found: every served type (preferred version of each group) and the group versions that could not be
 * read (an aggregated API that is down answers 503), each with the reason.
 *
 * @param transientFailures true when a group version failed in a way worth asking again (429, 5xx, a timeout, a lost
 *                          connection): a caller that needs every type discovers again before it accepts the gap
 */
public record Discovery(List<ResourceType> types, List<String> failures, boolean transientFailures) {

    public Discovery {
        types = List.copyOf(types);
        failures = List.copyOf(failures);
    }

    /** A discovery whose failures (if any) are not worth asking again. */
    public Discovery(List<ResourceType> types, List<String> failures) {
        this(types, failures, false);
    }
}
