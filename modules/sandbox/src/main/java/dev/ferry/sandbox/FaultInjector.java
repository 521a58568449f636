package dev.ferry.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Faults applied to requests before the sandbox handles them: error statuses (429 with Retry-After, 500, 503, 409,
 * 403, 404, ...), delays, and dropped connections, each for the next N requests that match a method, a path pattern
 * and optionally a condition. Deterministic: faults are tried in the order they were armed and the first that hits
 * a request decides; a request no fault hits is handled normally. Thread-safe. For a server that refuses connections
 * altogether (nothing listening), see {@link SandboxServer#refuseConnections()}.
 */
public final class FaultInjector {

    private final List<Fault> faults = new ArrayList<>();

    /**
     * Starts describing a fault for requests with this method ({@code "*"} for any) whose path (without the query
     * string) matches the regular expression as a whole.
     */
    public FaultSpec on(String method, String pathRegex) {
        return new FaultSpec(this, method, pathRegex);
    }

    /** Removes every fault. */
    public synchronized void clear() {
        faults.clear();
    }

    /** The armed faults, including exhausted ones, in order. */
    public synchronized List<Fault> faults() {
        return List.copyOf(faults);
    }

    synchronized void add(Fault fault) {
        faults.add(fault);
    }

    /** The fault that hits this request, if any (counting it). */
    synchronized Optional<Fault> hit(SandboxRequest request) {
        for (Fault fault : faults) {
            if (fault.hits(request)) {
                return Optional.of(fault);
            }
        }
        return Optional.empty();
    }
}
