package dev.ferry.sandbox;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Describes a fault before it is armed: which requests, how many, then what happens. Obtained from
 * {@link FaultInjector#on(String, String)}; each terminal method ({@link #respond(int)}, {@link #throttle(Duration)},
 * {@link #delay(Duration)}, {@link #drop()}) arms the fault and returns it.
 *
 * <pre>{@code
 * sandbox.faults().on("PATCH", "/apis/apps/v1/namespaces/shop/deployments/.*").times(2)
 *         .throttle(Duration.ofSeconds(1));
 * sandbox.faults().on("*", ".*").where(r -> !r.dryRun()).skip(5).drop();
 * }</pre>
 */
public final class FaultSpec {

    private final FaultInjector injector;
    private final String method;
    private final Pattern path;
    private Predicate<SandboxRequest> condition = request -> true;
    private int skip;
    private int times = 1;

    FaultSpec(FaultInjector injector, String method, String pathRegex) {
        this.injector = injector;
        this.method = Objects.requireNonNull(method, "method");
        this.path = Pattern.compile(pathRegex);
    }

    /** Only requests that also satisfy this condition (on the body, the query, the content type). */
    public FaultSpec where(Predicate<SandboxRequest> condition) {
        this.condition = this.condition.and(condition);
        return this;
    }

    /** Lets the first {@code matches} matching requests through before the fault starts hitting. */
    public FaultSpec skip(int matches) {
        if (matches < 0) {
            throw new IllegalArgumentException("skip must not be negative: " + matches);
        }
        this.skip = matches;
        return this;
    }

    /** Hits the next {@code count} matching requests (default 1). */
    public FaultSpec times(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("times must be at least 1: " + count);
        }
        this.times = count;
        return this;
    }

    /** Hits every matching request until cleared or cancelled. */
    public FaultSpec always() {
        this.times = Integer.MAX_VALUE;
        return this;
    }

    /**
     * Answers with this status and a real-looking Status body whose message names the object (for example 403
     * Forbidden, 404 NotFound, 409 Conflict, 500 InternalError, 503 ServiceUnavailable).
     */
    public Fault respond(int status) {
        return respond(status, null);
    }

    /** Answers with this status and message. */
    public Fault respond(int status, String message) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("a fault answers with an error status (4xx or 5xx), not " + status);
        }
        return arm(Fault.Action.RESPOND, status, message, Duration.ZERO);
    }

    /** Answers 429 Too Many Requests with a {@code Retry-After} header of this many seconds (rounded up). */
    public Fault throttle(Duration retryAfter) {
        return arm(Fault.Action.RESPOND, 429, null, retryAfter);
    }

    /** Handles the request normally but answers only after this delay (for client timeouts). */
    public Fault delay(Duration delay) {
        return arm(Fault.Action.DELAY, 0, null, delay);
    }

    /** Closes the connection without answering, as when a server or load balancer goes away mid-request. */
    public Fault drop() {
        return arm(Fault.Action.DROP, 0, null, Duration.ZERO);
    }

    private Fault arm(Fault.Action action, int status, String message, Duration duration) {
        Fault fault = new Fault(method, path, condition, skip, times, action, status, message, duration);
        injector.add(fault);
        return fault;
    }
}
