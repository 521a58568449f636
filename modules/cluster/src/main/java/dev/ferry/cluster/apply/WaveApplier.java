package dev.ferry.cluster.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.cluster.connect.Cancellation;
import dev.ferry.cluster.connect.ClusterException;
import dev.ferry.cluster.connect.ClusterException.Reason;
import dev.ferry.cluster.connect.Retrier;
import dev.ferry.cluster.connect.SameServerCheck;
import dev.ferry.cluster.connect.TargetCluster;
import dev.ferry.cluster.journal.Journal;
import dev.ferry.cluster.journal.JournalAction;
import dev.ferry.cluster.journal.JournalEntry;
import dev.ferry.cluster.journal.JournalException;
import dev.ferry.cluster.journal.JournalState;
import dev.ferry.cluster.journal.ObjectDigest;
import dev.ferry.model.KubeObject;
import dev.ferry.model.ResourceKey;
import java.util.ArrayList;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies one wave to the target: server-side dry run of every object first (every rejection collected before
 * anything is written), then, object by object in the order given, the object's current state recorded in the
 * journal, server-side apply with field manager {@code ferry}, the result recorded; then readiness waited for with a
 * timeout per kind. 429, 5xx, timeouts and lost connections are retried; a conflict (409), a refusal (403) or an
 * invalid object stops the wave at that object with the journal consistent.
 *
 * <p>Applying a wave whose journal shows an interrupted run resumes it: objects recorded as applied are not applied
 * again; an object whose before-state was recorded but whose apply was not is checked on the server (the write may
 * have landed just before the interruption) and applied only if it did not; the first run's before-states are kept
 * for rollback.
 */
public final class WaveApplier {

    private static final Logger LOG = LoggerFactory.getLogger(WaveApplier.class);
    private static final int DRY_RUN_PARALLELISM = 4;

    private final TargetCluster target;
    private final ApplyOptions options;
    private final WaveListener listener;
    private final Cancellation cancellation;
    private final SameServerCheck sameServer;

    public WaveApplier(TargetCluster target, ApplyOptions options, WaveListener listener, Cancellation cancellation) {
        this(target, options, listener, cancellation, new SameServerCheck());
    }

    public WaveApplier(TargetCluster target, ApplyOptions options, WaveListener listener, Cancellation cancellation,
                       SameServerCheck sameServer) {
        this.target = target;
        this.options = options;
        this.listener = listener;
        this.cancellation = cancellation;
        this.sameServer = sameServer;
    }

    /**
     * Applies (or dry-runs) the wave.
     *
     * @throws ClusterException when the target is the source, or the cluster cannot be reached during the dry run
     * @throws JournalException when the journal cannot be read or written, belongs to a different set of objects, or
     *                          shows an unfinished rollback
     */
    public WaveResult apply(WaveRequest request) throws ClusterException, JournalException {
        refuseSource(request);
        int wave = request.wave();
        SecretScrubber scrubber = new SecretScrubber();
        try (Journal journal = Journal.open(request.journalDirectory(), wave)) {
            JournalState state = JournalState.replay(journal.entries());
            if (state.rollbackUnfinished()) {
                throw new JournalException("A rollback of wave " + wave + " started and did not finish (journal `"
                        + journal.file() + "`). Run the rollback again to finish it before applying the wave.");
            }
            List<Rejection> rejections = new ArrayList<>();
            List<PreparedObject> prepared = prepare(request, scrubber, rejections);
            if (state.started()) {
                checkSameWave(state, prepared, request, journal);
            }
            dryRun(prepared, state, scrubber, rejections);
            recordDryRun(journal, wave, rejections);
            if (!rejections.isEmpty()) {
                return new WaveResult(wave, WaveResult.Outcome.REJECTED, rejections, null, 0, 0, List.of());
            }
            if (options.dryRunOnly()) {
                listener.onMessage("Dry run of wave " + wave + " passed: " + prepared.size() + " objects.");
                return new WaveResult(wave, WaveResult.Outcome.DRY_RUN_PASSED, List.of(), null, 0, 0, List.of());
            }
            return write(journal, state, prepared, wave, scrubber);
        }
    }

    private void refuseSource(WaveRequest request) throws ClusterException {
        String source = request.sourceServer();
        String server = target.info().server();
        if (source != null && !source.isBlank() && sameServer.sameServer(source, server)) {
            throw new ClusterException(Reason.CONFIGURATION, "Refusing to apply wave " + request.wave() + " to `"
                    + target.info().context() + "` (" + server + "): it is the source cluster (" + source
                    + "). Pick the target cluster's context.");
        }
    }

    private List<PreparedObject> prepare(WaveRequest request, SecretScrubber scrubber, List<Rejection> rejections) {
        SecretPreparer secrets = new SecretPreparer(request.secretValues(), scrubber);
        Set<ResourceKey> seen = new HashSet<>();
        List<PreparedObject> prepared = new ArrayList<>();
        for (KubeObject object : request.objects()) {
            if (!seen.add(object.key())) {
                rejections.add(new Rejection(object.key(), "is in the wave twice; keep one"));
                continue;
            }
            PreparedObject ready = secrets.prepare(object, rejections);
            if (ready != null) {
                prepared.add(ready);
            }
        }
        return prepared;
    }

    private static void checkSameWave(JournalState state, List<PreparedObject> prepared, WaveRequest request,
                                      Journal journal) throws JournalException {
        List<JournalState.PlannedObject> planned = state.planned();
        Map<ResourceKey, String> now = new HashMap<>();
        request.objects().forEach(o -> now.put(o.key(), ObjectDigest.of(o.body())));
        for (JournalState.PlannedObject object : planned) {
            String digest = now.get(object.key());
            if (digest == null || !digest.equals(object.digest())) {
                throw new JournalException("Wave " + request.wave() + " was started with a different version of "
                        + object.key() + (digest == null ? " (it is no longer in the wave)" : "") + " (journal `"
                        + journal.file() + "`). Finish it as it was started, or roll it back before applying the "
                        + "changed wave.");
            }
        }
        if (planned.size() != request.objects().size()) {
            throw new JournalException("Wave " + request.wave() + " was started with " + planned.size()
                    + " objects and now has " + request.objects().size() + " (journal `" + journal.file()
                    + "`). Finish it as it was started, or roll it back before applying the changed wave.");
        }
    }

    // ------------------------------------------------------------------ dry run

    private void dryRun(List<PreparedObject> prepared, JournalState state, SecretScrubber scrubber,
                        List<Rejection> rejections) throws ClusterException {
        Set<String> namespacesCreated = new HashSet<>();
        Set<String> typesDefined = new HashSet<>();
        for (PreparedObject object : prepared) {
            if (object.key().isKind("", "Namespace")) {
                namespacesCreated.add(object.key().name());
            }
            if (object.key().isKind("apiextensions.k8s.io", "CustomResourceDefinition")) {
                JsonNode spec = object.toSend().path("spec");
                typesDefined.add(spec.path("group").asText() + "/" + spec.path("names").path("kind").asText());
            }
        }
        // dry runs write nothing, so they run a few at a time; results are reported in wave order from this thread
        ExecutorService pool = Executors.newFixedThreadPool(DRY_RUN_PARALLELISM, runnable -> {
            Thread thread = new Thread(runnable, "ferry-dry-run");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<DryRunOutcome>> outcomes = new ArrayList<>();
            for (PreparedObject object : prepared) {
                outcomes.add(pool.submit(() -> dryRunOne(object, state, namespacesCreated, typesDefined)));
            }
            int index = 0;
            for (Future<DryRunOutcome> future : outcomes) {
                index++;
                DryRunOutcome outcome = await(future);
                ResourceKey key = prepared.get(index - 1).key();
                if (outcome.fatal() != null) {
                    throw outcome.fatal().withMessage(scrubber.scrub(outcome.fatal().getMessage()));
                }
                if (outcome.rejection() != null) {
                    reject(rejections, key, scrubber.scrub(outcome.rejection()), index, prepared.size());
                } else {
                    event(key, Phase.DRY_RUN_OK, outcome.note(), index, prepared.size());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** What the dry run of one object said: fine (with a note), rejected, or a failure that stops the wave. */
    private record DryRunOutcome(String note, String rejection, ClusterException fatal) {
    }

    private DryRunOutcome dryRunOne(PreparedObject object, JournalState state, Set<String> namespacesCreated,
                                    Set<String> typesDefined) {
        ResourceKey key = object.key();
        Retrier retrier = new Retrier(options.retry(), cancellation);
        try {
            if (object.secret() && !options.replaceExistingSecrets() && !createdByThisWave(state, key)
                    && retrier.call("read " + key, () -> target.get(key)).isPresent()) {
                return new DryRunOutcome("", "the Secret already exists on the target. Ferry never records Secret "
                        + "values, so a rollback could not restore it: delete it on the target first, or allow "
                        + "replacing existing Secrets (--replace-existing-secrets) and restore it yourself after a "
                        + "rollback", null);
            }
            retrier.call("dry-run " + key, () -> target.apply(object.toSend(), true));
            return new DryRunOutcome("", null, null);
        } catch (ClusterException e) {
            if (e.retryable() || e.reason() == Reason.UNAUTHORIZED || e.reason() == Reason.CANCELLED) {
                return new DryRunOutcome("", null, e);
            }
            String deferred = deferredReason(e, key, namespacesCreated, typesDefined);
            return deferred != null ? new DryRunOutcome(deferred, null, null)
                    : new DryRunOutcome("", e.getMessage(), null);
        }
    }

    private static DryRunOutcome await(Future<DryRunOutcome> future) throws ClusterException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterException(Reason.CANCELLED, "Interrupted during the dry run; nothing was written.", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** A dry run cannot see what earlier objects of the same wave create: their namespace, their CRD's type. */
    private static String deferredReason(ClusterException e, ResourceKey key, Set<String> namespaces,
                                         Set<String> types) {
        if (e.reason() != Reason.NOT_FOUND) {
            return null;
        }
        if (types.contains(key.group() + "/" + key.kind())) {
            return "its type is defined by a CRD in this wave; the server checks it when it is applied";
        }
        if (!key.namespace().isEmpty() && namespaces.contains(key.namespace())
                && e.serverMessage().contains("\"" + key.namespace() + "\"")) {
            return "its namespace is created by this wave; the server checks it when it is applied";
        }
        return null;
    }

    private static boolean createdByThisWave(JournalState state, ResourceKey key) {
        return state.before(key).map(b -> "absent".equals(b.text("state"))).orElse(false);
    }

    private void reject(List<Rejection> rejections, ResourceKey key, String message, int index, int total) {
        rejections.add(new Rejection(key, message));
        event(key, Phase.DRY_RUN_REJECTED, message, index, total);
    }

    private static void recordDryRun(Journal journal, int wave, List<Rejection> rejections) throws JournalException {
        ArrayNode rejected = JsonNodeFactory.instance.arrayNode();
        for (Rejection rejection : rejections) {
            ObjectNode item = rejected.addObject();
            item.put("resource", rejection.resource().toString());
            item.put("message", rejection.message());
        }
        journal.append(JournalEntry.of(JournalAction.DRY_RUN, wave, null)
                .with("ok", rejections.isEmpty()).with("rejected", rejected));
    }

    // ------------------------------------------------------------------ write

    private WaveResult write(Journal journal, JournalState state, List<PreparedObject> prepared, int wave,
                             SecretScrubber scrubber) throws JournalException, ClusterException {
        ArrayNode planned = JsonNodeFactory.instance.arrayNode();
        for (PreparedObject object : prepared) {
            ObjectNode item = planned.addObject();
            ObjectNode resource = item.putObject("resource");
            resource.put("apiVersion", object.key().apiVersion());
            resource.put("kind", object.key().kind());
            resource.put("namespace", object.key().namespace());
            resource.put("name", object.key().name());
            item.put("digest", object.digest());
        }
        boolean resuming = state.started();
        if (resuming) {
            listener.onMessage("Resuming wave " + wave + " from its journal (attempt " + (state.attempts() + 1) + ").");
        }
        journal.append(JournalEntry.of(JournalAction.WAVE_STARTED, wave, null).with("objects", planned)
                .with("resumed", resuming));
        int applied = 0;
        int resumed = 0;
        int total = prepared.size();
        Map<ResourceKey, JournalEntry> before = new HashMap<>();
        for (int i = 0; i < total; i++) {
            PreparedObject object = prepared.get(i);
            ResourceKey key = object.key();
            int index = i + 1;
            if (cancellation.isCancelled()) {
                listener.onMessage("Cancelled before " + key + "; apply the wave again to resume.");
                return new WaveResult(wave, WaveResult.Outcome.CANCELLED, List.of(), null, applied, resumed, List.of());
            }
            if (state.applied(key)) {
                resumed++;
                event(key, Phase.ALREADY_APPLIED, "applied by an earlier run", index, total);
                continue;
            }
            Retrier retrier = retrier(key, index, total);
            try {
                Optional<ObjectNode> live = retrier.call("read " + key, () -> target.get(key));
                Optional<JournalEntry> recorded = state.before(key);
                if (recorded.isEmpty()) {
                    JournalEntry entry = beforeEntry(wave, object, live);
                    journal.append(entry);
                    before.put(key, entry);
                } else if (landed(recorded.get(), live, object)) {
                    journal.append(appliedEntry(wave, key, live.get()).with("recovered", true));
                    resumed++;
                    event(key, Phase.ALREADY_APPLIED, "the interrupted run's write had reached the server", index,
                            total);
                    continue;
                }
                JournalEntry beforeState = recorded.orElse(before.get(key));
                if (object.secret() && "present".equals(beforeState.text("state"))
                        && !options.replaceExistingSecrets()) {
                    throw new ClusterException(Reason.CONFLICT, "Secret " + key + " appeared on the target after "
                            + "the dry run; Ferry does not overwrite an existing Secret unless allowed "
                            + "(--replace-existing-secrets). Check who created it, then run again.");
                }
                event(key, Phase.APPLYING, "", index, total);
                ObjectNode result = retrier.call("apply " + key, () -> target.apply(object.toSend(), false));
                journal.append(appliedEntry(wave, key, result));
                applied++;
                event(key, Phase.APPLIED, "", index, total);
                if (key.isKind("apiextensions.k8s.io", "CustomResourceDefinition") && options.waitForReadiness()) {
                    // the objects after it may be of the type it defines
                    awaitReady(journal, wave, object, index, total, new ArrayList<>());
                }
            } catch (ClusterException e) {
                String message = scrubber.scrub(e.getMessage());
                journal.append(JournalEntry.of(JournalAction.FAILED, wave, key).with("reason", e.reason().name())
                        .with("status", e.status()).with("message", message));
                event(key, Phase.FAILED, message, index, total);
                LOG.warn("wave {} stopped at {}: {}", wave, key, message);
                if (e.reason() == Reason.CANCELLED) {
                    return new WaveResult(wave, WaveResult.Outcome.CANCELLED, List.of(), null, applied, resumed,
                            List.of());
                }
                return new WaveResult(wave, WaveResult.Outcome.STOPPED, List.of(),
                        new WaveResult.Failure(key, e.reason(), e.status(), message), applied, resumed, List.of());
            }
        }
        List<Rejection> notReady = new ArrayList<>();
        if (options.waitForReadiness()) {
            for (int i = 0; i < total; i++) {
                PreparedObject object = prepared.get(i);
                if (state.ready(object.key()) || !Readiness.waitsFor(object.toSend())
                        || object.key().isKind("apiextensions.k8s.io", "CustomResourceDefinition")) {
                    continue;
                }
                try {
                    awaitReady(journal, wave, object, i + 1, total, notReady);
                } catch (ClusterException e) {
                    if (e.reason() == Reason.CANCELLED) {
                        return new WaveResult(wave, WaveResult.Outcome.CANCELLED, List.of(), null, applied, resumed,
                                notReady);
                    }
                    notReady.add(new Rejection(object.key(), scrubber.scrub(e.getMessage())));
                }
            }
        }
        if (notReady.isEmpty()) {
            journal.append(JournalEntry.of(JournalAction.WAVE_APPLIED, wave, null).with("applied", applied)
                    .with("resumed", resumed));
            return new WaveResult(wave, WaveResult.Outcome.APPLIED, List.of(), null, applied, resumed, List.of());
        }
        return new WaveResult(wave, WaveResult.Outcome.NOT_READY, List.of(), null, applied, resumed, notReady);
    }

    private void awaitReady(Journal journal, int wave, PreparedObject object, int index, int total,
                            List<Rejection> notReady) throws ClusterException, JournalException {
        ResourceKey key = object.key();
        ReadinessWaiter waiter = new ReadinessWaiter(target, retrier(key, index, total), cancellation,
                options.pollInterval());
        Readiness.State state = waiter.await(key, options.timeoutFor(key.kind()),
                what -> event(key, Phase.WAITING, what, index, total));
        if (state.ready()) {
            journal.append(JournalEntry.of(JournalAction.READY, wave, key));
            event(key, Phase.READY, "", index, total);
        } else {
            journal.append(JournalEntry.of(JournalAction.NOT_READY, wave, key).with("message", state.waitingFor()));
            event(key, Phase.NOT_READY, state.waitingFor(), index, total);
            notReady.add(new Rejection(key, state.waitingFor()));
        }
    }

    /**
     * The object's state before Ferry writes it. A Secret is recorded by the digests of its values only; any other
     * object by its body, without the server's bookkeeping (managed fields, status), which rollback does not restore.
     */
    private static JournalEntry beforeEntry(int wave, PreparedObject object, Optional<ObjectNode> live) {
        JournalEntry entry = JournalEntry.of(JournalAction.BEFORE, wave, object.key());
        if (live.isEmpty()) {
            return entry.with("state", "absent");
        }
        ObjectNode body = live.get();
        entry.with("state", "present")
                .with("resourceVersion", body.path("metadata").path("resourceVersion").asText(""));
        if (object.secret()) {
            ObjectNode digests = JsonNodeFactory.instance.objectNode();
            ObjectDigest.secretDigests(body).forEach(digests::put);
            return entry.with("digests", digests).with("type", body.path("type").asText(""));
        }
        ObjectNode copy = body.deepCopy();
        copy.remove("status");
        if (copy.path("metadata") instanceof ObjectNode metadata) {
            metadata.remove("managedFields");
        }
        return entry.with("object", copy);
    }

    private static JournalEntry appliedEntry(int wave, ResourceKey key, ObjectNode result) {
        JsonNode metadata = result.path("metadata");
        return JournalEntry.of(JournalAction.APPLIED, wave, key)
                .with("resourceVersion", metadata.path("resourceVersion").asText(""))
                .with("uid", metadata.path("uid").asText(""))
                .with("generation", metadata.path("generation").asLong(0));
    }

    /**
     * Whether an apply whose result was never journaled reached the server: the object exists, changed since its
     * recorded before-state, and holds what Ferry applies.
     */
    private static boolean landed(JournalEntry before, Optional<ObjectNode> live, PreparedObject object) {
        if (live.isEmpty()) {
            return false;
        }
        String version = live.get().path("metadata").path("resourceVersion").asText("");
        if ("present".equals(before.text("state")) && version.equals(before.text("resourceVersion"))) {
            return false;
        }
        return ObjectComparison.missingFromLive(object.proposed().body(), live.get()).isEmpty();
    }

    private Retrier retrier(ResourceKey key, int index, int total) {
        return new Retrier(options.retry(), cancellation, (attempt, delay, cause) -> event(key, Phase.RETRYING,
                cause.reason() + (cause.status() > 0 ? " (" + cause.status() + ")" : "") + ", retrying in "
                        + delay.toMillis() + " ms", index, total));
    }

    private void event(ResourceKey key, Phase phase, String detail, int index, int total) {
        listener.onObject(new ObjectEvent(key, phase, detail, index, total));
    }
}
