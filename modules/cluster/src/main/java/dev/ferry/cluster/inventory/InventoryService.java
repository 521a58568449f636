package dev.ferry.cluster.inventory;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.cluster.connect.Cancellation;
import dev.ferry.cluster.connect.ClusterException;
import dev.ferry.cluster.connect.ClusterException.Reason;
import dev.ferry.cluster.connect.ClusterReader;
import dev.ferry.cluster.connect.Discovery;
import dev.ferry.cluster.connect.ListPage;
import dev.ferry.cluster.connect.ResourceType;
import dev.ferry.cluster.connect.Retrier;
import dev.ferry.model.KubeObject;
import dev.ferry.model.Origin;
import dev.ferry.model.sanitize.Exclusion;
import dev.ferry.model.sanitize.ExclusionPolicy;
import dev.ferry.model.sanitize.Sanitizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every object of a cluster into an inventory folder that {@code ferry propose} reads directly.
 *
 * <p>Discovery finds every served type (core, groups, CRDs; preferred versions; only types that can be listed).
 * Types whose objects are never the workload's own (Events, Endpoints, Leases, ControllerRevisions... as the model's
 * {@link ExclusionPolicy} decides) are not listed at all, to save time, and are named in the summary. Every other type
 * is listed page by page ({@code limit}/{@code continue}), several types at once. Objects the exclusion policy leaves
 * out (owned Pods, system namespaces) are named in the summary, never written. Secrets are redacted by the model's
 * sanitizer before anything reaches the disk: only key names and value digests are written. Nodes are written for
 * the node-pool analysis. Other objects are written as the server returns them without managed fields, so the
 * sanitizer in {@code propose} still sees their status (a claim's binding, for one).
 *
 * <p>A type that cannot be listed (403, 404, 5xx or timeouts after retries) is recorded with the reason and the
 * inventory goes on; an unreachable server, rejected credentials or a cancellation stop it, and nothing is written.
 */
public final class InventoryService {

    /** Annotation carrying the registry hosts of a redacted pull secret (hosts only, never credentials). */
    public static final String REGISTRIES_ANNOTATION = dev.ferry.model.sanitize.Sanitizer.REGISTRIES_ANNOTATION;

    private static final Logger LOG = LoggerFactory.getLogger(InventoryService.class);
    /** How long a failed inventory waits for its other listing requests (each bounded by the client's timeouts). */
    private static final Duration WORKER_SHUTDOWN = Duration.ofSeconds(60);

    private final ClusterReader cluster;
    private final InventoryOptions options;
    private final InventoryListener listener;
    private final Cancellation cancellation;
    private final ExclusionPolicy exclusions = new ExclusionPolicy();
    private final Sanitizer sanitizer = new Sanitizer();

    public InventoryService(ClusterReader cluster, InventoryOptions options, InventoryListener listener,
                            Cancellation cancellation) {
        this.cluster = cluster;
        this.options = options;
        this.listener = listener;
        this.cancellation = cancellation;
    }

    /**
     * Runs the inventory into {@code out} (replaced only when it holds an earlier inventory or nothing).
     *
     * @throws ClusterException   when the server is unreachable, the credentials are rejected, or it was cancelled
     * @throws InventoryException when the folder cannot be written
     */
    public InventoryResult run(Path out) throws ClusterException, InventoryException {
        Discovery discovery = discover();
        List<ResourceType> toList = new ArrayList<>();
        List<InventoryResult.TypeFailure> skipped = new ArrayList<>();
        for (ResourceType type : discovery.types()) {
            if (!type.canList()) {
                continue;
            }
            Optional<String> never = neverMigrated(type);
            if (never.isPresent()) {
                skipped.add(new InventoryResult.TypeFailure(type.apiVersion(), type.kind(), never.get()));
            } else {
                toList.add(type);
            }
        }
        Set<String> qualified = kindsInSeveralGroups(toList);
        InventoryFolder folder = InventoryFolder.create(out);
        try {
            Listing listing = new Listing(folder, qualified, toList.size());
            listAll(toList, listing);
            InventoryResult result = new InventoryResult(out, cluster.info(), listing.written.get(),
                    listing.counts(), listing.failures(), skipped, listing.excluded(), discovery.failures());
            folder.writeSummary(summary(result));
            folder.commit();
            return result;
        } catch (IOException e) {
            folder.abandon();
            throw new InventoryException("Cannot write the inventory into `" + out + "` (" + e.getMessage()
                    + "). Check free space and permissions.", e);
        } catch (ClusterException | RuntimeException | Error e) {
            folder.abandon();
            throw e;
        }
    }

    /**
     * Discovers the served types. A group version that failed in a way worth asking again (throttled, a server error,
     * no answer) is asked again with the retry policy's backoff, since its types would otherwise be missing from the
     * inventory; one still failing after the last attempt (an aggregated API that is down) is accepted and reported.
     */
    private Discovery discover() throws ClusterException {
        Retrier retrier = new Retrier(options.retry(), cancellation);
        String what = "discover " + cluster.info().context();
        for (int attempt = 1; ; attempt++) {
            Discovery discovery = retrier.call(what, cluster::discover);
            if (!discovery.transientFailures() || attempt >= options.retry().maxAttempts()) {
                return discovery;
            }
            long delay = options.retry().delayAfter(attempt, null).toMillis();
            LOG.info("discovery of {} group versions failed ({}), asking again in {} ms",
                    discovery.failures().size(), cluster.info().context(), delay);
            cancellation.sleep(delay, what);
        }
    }

    /** A type whose every object the exclusion policy leaves out, whatever its content, except Nodes. */
    private Optional<String> neverMigrated(ResourceType type) {
        if (type.kind().equals("Node")) {
            return Optional.empty();
        }
        ObjectNode probe = JsonNodeFactory.instance.objectNode();
        probe.put("apiVersion", type.apiVersion());
        probe.put("kind", type.kind());
        ObjectNode metadata = probe.putObject("metadata");
        metadata.put("name", "probe");
        if (type.namespaced()) {
            metadata.put("namespace", "probe");
        }
        return exclusions.reasonToExclude(KubeObject.of(probe));
    }

    private static Set<String> kindsInSeveralGroups(List<ResourceType> types) {
        Map<String, Set<String>> groups = new HashMap<>();
        types.forEach(t -> groups.computeIfAbsent(t.kind(), k -> new HashSet<>()).add(t.group()));
        Set<String> several = new HashSet<>();
        groups.forEach((kind, g) -> {
            if (g.size() > 1) {
                several.add(kind);
            }
        });
        return several;
    }

    private void listAll(List<ResourceType> types, Listing listing) throws ClusterException, IOException {
        AtomicReference<ClusterException> fatal = new AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(options.parallelism(), runnable -> {
            Thread thread = new Thread(runnable, "ferry-inventory");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (ResourceType type : types) {
                futures.add(pool.submit(() -> {
                    if (fatal.get() == null && !cancellation.isCancelled()) {
                        listType(type, listing, fatal);
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof UncheckedIOException io) {
                        throw io.getCause();
                    }
                    if (cause instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    if (cause instanceof Error error) {
                        throw error;
                    }
                    throw new IllegalStateException(cause);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ClusterException(Reason.CANCELLED, "Inventory interrupted; nothing was written.", e);
                }
            }
        } finally {
            pool.shutdownNow();
            awaitWorkers(pool);
        }
        if (fatal.get() != null) {
            throw fatal.get();
        }
        cancellation.check("taking the inventory");
    }

    /**
     * Waits for the workers still listing when one failed: they write into the temporary folder, and the caller
     * deletes that folder next, so a worker left running would race the delete and leave files behind.
     */
    private static void awaitWorkers(ExecutorService pool) {
        try {
            if (!pool.awaitTermination(WORKER_SHUTDOWN.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("inventory workers still running {} s after the inventory stopped",
                        WORKER_SHUTDOWN.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void listType(ResourceType type, Listing listing, AtomicReference<ClusterException> fatal) {
        List<String> written = new ArrayList<>();
        List<Exclusion> left = new ArrayList<>();
        long read = 0;
        Retrier retrier = new Retrier(options.retry(), cancellation);
        List<String> namespaces = type.namespaced() && !options.namespaces().isEmpty()
                ? options.namespaces() : Collections.singletonList(null);
        try {
            for (String namespace : namespaces) {
                read += listPages(type, namespace, retrier, listing, written, left, fatal);
            }
            listing.excluded.addAll(left);
            listing.listed(type, read);
        } catch (ClusterException e) {
            dropPartial(listing, written);
            left.clear();
            if (e.reason() == Reason.UNREACHABLE || e.reason() == Reason.UNAUTHORIZED
                    || e.reason() == Reason.CANCELLED) {
                fatal.compareAndSet(null, e);
                return;
            }
            LOG.warn("cannot list {}: {}", type, e.getMessage());
            listing.failed(type, e.getMessage() + " Its objects are not in the inventory.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long listPages(ResourceType type, String namespace, Retrier retrier, Listing listing,
                           List<String> written, List<Exclusion> left, AtomicReference<ClusterException> fatal)
            throws ClusterException, IOException {
        String token = "";
        long read = 0;
        boolean restarted = false;
        while (true) {
            if (fatal.get() != null) {
                throw new ClusterException(Reason.CANCELLED, "stopped: another type failed fatally");
            }
            String continueToken = token;
            ListPage page;
            try {
                page = retrier.call("list " + type.plural(),
                        () -> cluster.list(type, namespace, options.pageSize(), continueToken));
            } catch (ClusterException e) {
                if (e.reason() == Reason.GONE && !restarted) {
                    // the continue token expired (a very long list): start the type again once
                    restarted = true;
                    dropPartial(listing, written);
                    left.clear();
                    read = 0;
                    token = "";
                    continue;
                }
                throw e;
            }
            for (ObjectNode item : page.items()) {
                read++;
                listing.accept(type, item, written, left);
            }
            listing.progress(type, listener);
            if (page.last()) {
                return read;
            }
            token = page.continueToken();
        }
    }

    /** Removes what was written of a type that failed or restarts, so the folder never holds half a type. */
    private static void dropPartial(Listing listing, List<String> written) {
        for (String path : written) {
            try {
                listing.folder.delete(path);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        listing.written.addAndGet(-written.size());
        written.clear();
    }

    /** Shared state of one inventory run, written to by the listing threads. */
    private final class Listing {

        private final InventoryFolder folder;
        private final Set<String> qualified;
        private final int typesTotal;
        private final AtomicInteger typesDone = new AtomicInteger();
        private final AtomicLong seen = new AtomicLong();
        private final AtomicLong written = new AtomicLong();
        private final List<InventoryResult.TypeCount> counts = Collections.synchronizedList(new ArrayList<>());
        private final List<InventoryResult.TypeFailure> failures = Collections.synchronizedList(new ArrayList<>());
        private final List<Exclusion> excluded = Collections.synchronizedList(new ArrayList<>());
        private final Set<String> namespaceFilter;
        private final String origin;

        Listing(InventoryFolder folder, Set<String> qualified, int typesTotal) {
            this.folder = folder;
            this.qualified = qualified;
            this.typesTotal = typesTotal;
            this.namespaceFilter = Set.copyOf(options.namespaces());
            this.origin = "cluster " + cluster.info().context();
        }

        void accept(ResourceType type, ObjectNode item, List<String> writtenPaths, List<Exclusion> left)
                throws IOException {
            seen.incrementAndGet();
            if (!KubeObject.looksLikeObject(item)) {
                return;
            }
            KubeObject object = KubeObject.of(item, new Origin(origin, 0, 0));
            if (type.kind().equals("Namespace") && type.group().isEmpty() && !namespaceFilter.isEmpty()
                    && !namespaceFilter.contains(object.name())) {
                return;
            }
            boolean node = object.isKind("", "Node");
            Optional<String> reason = exclusions.reasonToExclude(object);
            if (reason.isPresent() && !node) {
                left.add(new Exclusion(object.key(), reason.get()));
                return;
            }
            ObjectNode body;
            if (object.isKind("", "Secret")) {
                KubeObject redacted = sanitizer.sanitizeOne(object);
                body = redacted.copyBody();
                String registries = redacted.observed().getOrDefault("registries", "");
                if (!registries.isEmpty()) {
                    body.with("metadata").with("annotations").put(REGISTRIES_ANNOTATION, registries);
                }
            } else {
                body = item;
                if (body.path("metadata") instanceof ObjectNode metadata) {
                    metadata.remove("managedFields");
                }
            }
            String path = InventoryFolder.relativePath(object.key(), qualified.contains(type.kind()));
            folder.write(path, body);
            writtenPaths.add(path);
            written.incrementAndGet();
        }

        void progress(ResourceType type, InventoryListener to) {
            to.progress(new InventoryProgress(typesDone.get(), typesTotal, seen.get(), type.toString()));
        }

        void listed(ResourceType type, long count) {
            counts.add(new InventoryResult.TypeCount(type.apiVersion(), type.kind(), count));
            listener.progress(new InventoryProgress(typesDone.incrementAndGet(), typesTotal, seen.get(),
                    type.toString()));
        }

        void failed(ResourceType type, String reason) {
            failures.add(new InventoryResult.TypeFailure(type.apiVersion(), type.kind(), reason));
            listener.progress(new InventoryProgress(typesDone.incrementAndGet(), typesTotal, seen.get(),
                    type.toString()));
        }

        List<InventoryResult.TypeCount> counts() {
            synchronized (counts) {
                List<InventoryResult.TypeCount> sorted = new ArrayList<>(counts);
                sorted.sort((a, b) -> (a.apiVersion() + "/" + a.kind()).compareTo(b.apiVersion() + "/" + b.kind()));
                return sorted;
            }
        }

        List<InventoryResult.TypeFailure> failures() {
            synchronized (failures) {
                return List.copyOf(failures);
            }
        }

        List<Exclusion> excluded() {
            synchronized (excluded) {
                List<Exclusion> sorted = new ArrayList<>(excluded);
                sorted.sort((a, b) -> a.resource().compareTo(b.resource()));
                return sorted;
            }
        }
    }

    private static ObjectNode summary(InventoryResult result) {
        ObjectNode summary = JsonNodeFactory.instance.objectNode();
        summary.put("format", "ferry-inventory");
        summary.put("formatVersion", 1);
        summary.put("context", result.cluster().context());
        summary.put("server", result.cluster().server());
        summary.put("kubernetesVersion", result.cluster().kubernetesVersion());
        summary.put("created", Instant.now().toString());
        summary.put("objects", result.objects());
        ArrayNode types = summary.putArray("types");
        result.listed().forEach(t -> types.addObject().put("apiVersion", t.apiVersion()).put("kind", t.kind())
                .put("objects", t.objects()));
        ArrayNode failures = summary.putArray("failures");
        result.failures().forEach(f -> failures.addObject().put("apiVersion", f.apiVersion()).put("kind", f.kind())
                .put("reason", f.reason()));
        ArrayNode skipped = summary.putArray("skipped");
        result.skipped().forEach(f -> skipped.addObject().put("apiVersion", f.apiVersion()).put("kind", f.kind())
                .put("reason", f.reason()));
        ArrayNode excluded = summary.putArray("excluded");
        result.excluded().forEach(e -> excluded.addObject().put("resource", e.resource().toString())
                .put("reason", e.reason()));
        ArrayNode discovery = summary.putArray("discoveryFailures");
        result.discoveryFailures().forEach(discovery::add);
        return summary;
    }
}
