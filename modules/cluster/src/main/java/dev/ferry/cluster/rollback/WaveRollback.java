package dev.ferry.cluster.rollback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.cluster.apply.ObjectComparison;
import dev.ferry.cluster.apply.ObjectEvent;
import dev.ferry.cluster.apply.Phase;
import dev.ferry.cluster.apply.Rejection;
import dev.ferry.cluster.apply.WaveListener;
import dev.ferry.cluster.connect.Cancellation;
import dev.ferry.cluster.connect.ClusterException;
import dev.ferry.cluster.connect.ClusterException.Reason;
import dev.ferry.cluster.connect.Retrier;
import dev.ferry.cluster.connect.TargetCluster;
import dev.ferry.cluster.journal.Journal;
import dev.ferry.cluster.journal.JournalAction;
import dev.ferry.cluster.journal.JournalEntry;
import dev.ferry.cluster.journal.JournalException;
import dev.ferry.cluster.journal.JournalState;
import dev.ferry.cluster.journal.ObjectDigest;
import dev.ferry.model.ResourceKey;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Undoes a wave from its journal, in the reverse order of its writes: deletes what the wave created, restores what it
 * replaced (the body recorded before the wave), then verifies every object is as it was before the wave. Every step
 * is journaled, so an interrupted rollback resumes where it stopped.
 *
 * <p>A Secret that existed on the target before the wave cannot be restored: Ferry never records Secret values. Apply
 * refuses to replace an existing Secret unless told to; when it was told to, rollback leaves that Secret as the wave
 * applied it, says so, and verification reports it.
 */
public final class WaveRollback {

    private static final Logger LOG = LoggerFactory.getLogger(WaveRollback.class);
    private static final int RESTORE_ATTEMPTS = 3;

    private final TargetCluster target;
    private final RollbackOptions options;
    private final WaveListener listener;
    private final Cancellation cancellation;

    public WaveRollback(TargetCluster target, RollbackOptions options, WaveListener listener,
                        Cancellation cancellation) {
        this.target = target;
        this.options = options;
        this.listener = listener;
        this.cancellation = cancellation;
    }

    /**
     * Rolls the wave back.
     *
     * @throws ClusterException when an object cannot be undone (the rollback stops there, journaled; run it again)
     * @throws JournalException when the journal cannot be read or written
     */
    public RollbackResult rollback(int wave, Path journalDirectory) throws ClusterException, JournalException {
        try (Journal journal = Journal.open(journalDirectory, wave)) {
            JournalState state = JournalState.replay(journal.entries());
            List<ResourceKey> touched = new ArrayList<>(state.touched());
            if (!state.started() && touched.isEmpty()) {
                listener.onMessage("Wave " + wave + " has nothing to roll back: the journal shows no apply since the "
                        + "last rollback.");
                return new RollbackResult(wave, 0, 0, List.of(), List.of(), true);
            }
            if (state.rollbackUnfinished()) {
                listener.onMessage("Resuming the unfinished rollback of wave " + wave + ".");
            }
            journal.append(JournalEntry.of(JournalAction.ROLLBACK_STARTED, wave, null)
                    .with("objects", touched.size()));
            Retrier retrier = new Retrier(options.retry(), cancellation);
            int deleted = 0;
            int restored = 0;
            List<Rejection> skipped = new ArrayList<>();
            int total = touched.size();
            for (int i = total - 1; i >= 0; i--) {
                ResourceKey key = touched.get(i);
                int index = total - i;
                if (state.undone(key)) {
                    continue;
                }
                cancellation.check("rolling back wave " + wave);
                JournalEntry before = state.before(key).orElseThrow();
                try {
                    if ("absent".equals(before.text("state"))) {
                        deleted += delete(journal, wave, key, retrier, index, total);
                    } else if (key.isKind("", "Secret")) {
                        skipSecret(journal, wave, key, before, retrier, index, total, skipped);
                    } else {
                        restored += restore(journal, wave, key, before, retrier, index, total);
                    }
                } catch (ClusterException e) {
                    journal.append(JournalEntry.of(JournalAction.ROLLBACK_FAILED, wave, key)
                            .with("reason", e.reason().name()).with("message", e.getMessage()));
                    event(key, Phase.FAILED, e.getMessage(), index, total);
                    throw e.withMessage("Rollback of wave " + wave + " stopped at " + key + ": " + e.getMessage()
                            + " Run the rollback again once this is resolved; it resumes from the journal.");
                }
            }
            List<Rejection> differences = verify(journal, wave, state, touched, retrier);
            ArrayNode differenceNodes = JsonNodeFactory.instance.arrayNode();
            differences.forEach(d -> differenceNodes.addObject().put("resource", d.resource().toString())
                    .put("fields", d.message()));
            journal.append(JournalEntry.of(JournalAction.ROLLED_BACK, wave, null)
                    .with("verified", differences.isEmpty()).with("differences", differenceNodes)
                    .with("deleted", deleted).with("restored", restored));
            listener.onMessage(differences.isEmpty()
                    ? "Wave " + wave + " rolled back; the target matches its state before the wave."
                    : "Wave " + wave + " rolled back; " + differences.size() + " objects differ from before the wave.");
            return new RollbackResult(wave, deleted, restored, skipped, differences, false);
        }
    }

    private int delete(Journal journal, int wave, ResourceKey key, Retrier retrier, int index, int total)
            throws ClusterException, JournalException {
        event(key, Phase.DELETING, "", index, total);
        boolean existed = retrier.call("delete " + key, () -> target.delete(key));
        awaitGone(key, retrier);
        journal.append(JournalEntry.of(JournalAction.DELETED, wave, key).with("existed", existed));
        event(key, Phase.DELETED, existed ? "" : "it was already gone", index, total);
        return existed ? 1 : 0;
    }

    private void awaitGone(ResourceKey key, Retrier retrier) throws ClusterException {
        long deadline = System.nanoTime() + options.deleteTimeout().toNanos();
        while (true) {
            Optional<ObjectNode> live = retrier.call("read " + key, () -> target.get(key));
            if (live.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                JsonNode finalizers = live.get().path("metadata").path("finalizers");
                throw new ClusterException(Reason.TIMEOUT, key + " is still on the target "
                        + options.deleteTimeout().toSeconds() + " s after it was deleted"
                        + (finalizers.isEmpty() ? "" : " (finalizers: " + finalizers + ")")
                        + ". Check what holds it.");
            }
            cancellation.sleep(options.pollInterval().toMillis(), "waiting for " + key + " to be deleted");
        }
    }

    private void skipSecret(Journal journal, int wave, ResourceKey key, JournalEntry before, Retrier retrier,
                            int index, int total, List<Rejection> skipped) throws ClusterException, JournalException {
        Optional<ObjectNode> live = retrier.call("read " + key, () -> target.get(key));
        boolean unchanged = live.isPresent() && live.get().path("metadata").path("resourceVersion").asText("")
                .equals(before.text("resourceVersion"));
        if (unchanged) {
            journal.append(JournalEntry.of(JournalAction.RESTORED, wave, key).with("unchanged", true));
            event(key, Phase.RESTORED, "unchanged by the wave", index, total);
            return;
        }
        String why = "the Secret existed before the wave and Ferry never records Secret values, so it is left as the "
                + "wave applied it; restore its values yourself";
        journal.append(JournalEntry.of(JournalAction.ROLLBACK_SKIPPED, wave, key).with("message", why));
        skipped.add(new Rejection(key, why));
        event(key, Phase.SKIPPED, why, index, total);
    }

    private int restore(Journal journal, int wave, ResourceKey key, JournalEntry before, Retrier retrier, int index,
                        int total) throws ClusterException, JournalException {
        ObjectNode recorded = (ObjectNode) before.field("object");
        event(key, Phase.RESTORING, "", index, total);
        for (int attempt = 1; ; attempt++) {
            Optional<ObjectNode> live = retrier.call("read " + key, () -> target.get(key));
            if (live.isPresent() && ObjectComparison.differences(recorded, live.get()).isEmpty()) {
                journal.append(JournalEntry.of(JournalAction.RESTORED, wave, key).with("unchanged", true));
                event(key, Phase.RESTORED, "already as before the wave", index, total);
                return 0;
            }
            ObjectNode body = recorded.deepCopy();
            ObjectNode metadata = (ObjectNode) body.path("metadata");
            metadata.remove("uid");
            try {
                if (live.isPresent()) {
                    metadata.put("resourceVersion", live.get().path("metadata").path("resourceVersion").asText());
                    retrier.call("restore " + key, () -> target.replace(body));
                } else {
                    metadata.remove(List.of("resourceVersion", "creationTimestamp", "generation"));
                    retrier.call("re-create " + key, () -> target.create(body));
                }
                journal.append(JournalEntry.of(JournalAction.RESTORED, wave, key));
                event(key, Phase.RESTORED, "", index, total);
                return 1;
            } catch (ClusterException e) {
                // someone (a controller) wrote the object between the read and the write: read it again
                if (e.reason() != Reason.CONFLICT || attempt >= RESTORE_ATTEMPTS) {
                    throw e;
                }
                LOG.info("restoring {} met a conflict; reading it again", key);
            }
        }
    }

    private List<Rejection> verify(Journal journal, int wave, JournalState state, List<ResourceKey> touched,
                                   Retrier retrier) throws ClusterException, JournalException {
        List<Rejection> differences = new ArrayList<>();
        int index = 0;
        for (ResourceKey key : touched) {
            index++;
            JournalEntry before = state.before(key).orElseThrow();
            Optional<ObjectNode> live;
            try {
                live = retrier.call("read " + key, () -> target.get(key));
            } catch (ClusterException e) {
                // every object is undone; only the check is missing, and the next run repeats it
                journal.append(JournalEntry.of(JournalAction.ROLLBACK_FAILED, wave, key)
                        .with("reason", e.reason().name()).with("message", e.getMessage()));
                event(key, Phase.FAILED, e.getMessage(), index, touched.size());
                throw e.withMessage("Rollback of wave " + wave + " undid every object but could not verify " + key
                        + ": " + e.getMessage() + " Run the rollback again once this is resolved; it resumes from "
                        + "the journal.");
            }
            String difference;
            if ("absent".equals(before.text("state"))) {
                difference = live.isPresent() ? "exists, but did not before the wave" : null;
            } else if (live.isEmpty()) {
                difference = "is gone, but existed before the wave";
            } else if (key.isKind("", "Secret")) {
                Map<String, String> expected = new TreeMap<>();
                before.field("digests").fields().forEachRemaining(e -> expected.put(e.getKey(), e.getValue().asText()));
                difference = expected.equals(ObjectDigest.secretDigests(live.get())) ? null
                        : "its values differ from before the wave (compared by digest)";
            } else {
                List<String> paths = ObjectComparison.differences((ObjectNode) before.field("object"), live.get());
                difference = paths.isEmpty() ? null : "differs at " + String.join(", ", paths);
            }
            if (difference == null) {
                event(key, Phase.VERIFIED, "", index, touched.size());
            } else {
                differences.add(new Rejection(key, difference));
                event(key, Phase.DIFFERS, difference, index, touched.size());
            }
        }
        return differences;
    }

    private void event(ResourceKey key, Phase phase, String detail, int index, int total) {
        listener.onObject(new ObjectEvent(key, phase, detail, index, total));
    }
}
