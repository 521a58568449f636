package dev.ferry.sandbox;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * One injected fault: which requests it matches, what it does to them, and how often. Created by
 * {@link FaultSpec}; its counters are readable while requests flow.
 */
public final class Fault {

    /** What the fault does to a matching request. */
    public enum Action {
        /** Answer with an error status (a real-looking {@code Status} body) instead of handling the request. */
        RESPOND,
        /** Handle the request normally but send the answer only after a delay. */
        DELAY,
        /** Close the connection without answering. */
        DROP
    }

    private final String method;
    private final Pattern path;
    private final Predicate<SandboxRequest> condition;
    private final Action action;
    private final int status;
    private final String message;
    private final Duration duration;
    private int skip;
    private int remaining;
    private int fired;

    Fault(String method, Pattern path, Predicate<SandboxRequest> condition, int skip, int times, Action action,
          int status, String message, Duration duration) {
        this.method = method;
        this.path = path;
        this.condition = condition;
        this.skip = skip;
        this.remaining = times;
        this.action = action;
        this.status = status;
        this.message = message;
        this.duration = duration;
    }

    public Action action() {
        return action;
    }

    /** The status answered by a {@link Action#RESPOND} fault. */
    public int status() {
        return status;
    }

    /** The message of the Status body, or null for the default message naming the object. */
    public String message() {
        return message;
    }

    /** The delay of a {@link Action#DELAY} fault, or the Retry-After of a 429; zero otherwise. */
    public Duration duration() {
        return duration;
    }

    /** How many requests this fault has hit so far. */
    public synchronized int fired() {
        return fired;
    }

    /** How many more requests it will hit ({@link Integer#MAX_VALUE} for always). */
    public synchronized int remaining() {
        return remaining;
    }

    public synchronized boolean exhausted() {
        return remaining == 0;
    }

    /** Stops the fault from hitting any further request. */
    public synchronized void cancel() {
        remaining = 0;
    }

    /** Counts the request if it matches; true when this fault hits it. */
    synchronized boolean hits(SandboxRequest request) {
        if (remaining == 0 || !(method.equals("*") || method.equalsIgnoreCase(request.method()))
                || !path.matcher(request.path()).matches() || !condition.test(request)) {
            return false;
        }
        if (skip > 0) {
            skip--;
            return false;
        }
        if (remaining != Integer.MAX_VALUE) {
            remaining--;
        }
        fired++;
        return true;
    }

    @Override
    public String toString() {
        String what = switch (action) {
            case RESPOND -> "respond " + status;
            case DELAY -> "delay " + duration.toMillis() + " ms";
            case DROP -> "drop the connection";
        };
        return what + " on " + method + " " + path.pattern();
    }
}
