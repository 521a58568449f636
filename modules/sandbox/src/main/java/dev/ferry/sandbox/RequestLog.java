package dev.ferry.sandbox;

import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Every request a sandbox answered, in arrival order, with the status it answered (0 for a dropped connection).
 * Bodies are not kept unless {@link #keepBodies(boolean)} asks for them, and past {@value #CAPACITY} entries the
 * oldest are dropped. Thread-safe; tests use it to prove that an object was applied exactly once, and what reached the
 * server.
 */
public final class RequestLog {

    /** How many entries are kept. */
    public static final int CAPACITY = 1_000_000;

    /** One answered request. */
    public record Entry(SandboxRequest request, int status) {
    }

    private final ArrayDeque<Entry> entries = new ArrayDeque<>();
    private boolean keepBodies;

    /**
     * Whether requests recorded from now on keep their bodies (off by default: bodies can be large). A leak test
     * turns it on to search what a client sent.
     */
    public synchronized void keepBodies(boolean keep) {
        this.keepBodies = keep;
    }

    synchronized void record(SandboxRequest request, int status) {
        if (entries.size() == CAPACITY) {
            entries.removeFirst();
        }
        entries.addLast(new Entry(keepBodies ? request : request.withoutBody(), status));
    }

    /** A copy of every entry so far. */
    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** How many requests had this method and a path matching the regular expression (the whole path, no query). */
    public int count(String method, String pathRegex) {
        Pattern pattern = Pattern.compile(pathRegex);
        return count(entry -> entry.request().method().equalsIgnoreCase(method)
                && pattern.matcher(entry.request().path()).matches());
    }

    /** How many requests with this method and path were answered successfully (2xx) and were not dry runs. */
    public int countWrites(String method, String pathRegex) {
        Pattern pattern = Pattern.compile(pathRegex);
        return count(entry -> entry.request().method().equalsIgnoreCase(method)
                && pattern.matcher(entry.request().path()).matches()
                && entry.status() / 100 == 2 && !entry.request().dryRun());
    }

    public synchronized int count(Predicate<Entry> condition) {
        return (int) entries.stream().filter(condition).count();
    }

    public synchronized void clear() {
        entries.clear();
    }
}
