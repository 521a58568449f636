package dev.ferry.plan.review;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.engine.Change;
import dev.ferry.engine.patch.JsonPatch;
import dev.ferry.engine.run.Composer;
import dev.ferry.model.KubeObject;
import dev.ferry.model.ResourceKey;
import dev.ferry.plan.waves.WavePlan;
import dev.ferry.plan.waves.WavePlanner;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The mutable heart of a review: the engine's changes, the reviewers' decisions and hand edits, and the proposed
 * estate derived from them. The proposed objects are always recomputed from the sanitized source plus the changes
 * that are not rejected, then the object's hand edit; only the resources a command touched are recomputed.
 * Not thread-safe: {@link ReviewSession} serialises access.
 */
final class ReviewState {

    private final Composer composer = new Composer();
    private final Map<ResourceKey, KubeObject> source = new LinkedHashMap<>();
    private final List<Change> engineChanges;
    private final Map<ResourceKey, List<Change>> engineChangesByResource = new HashMap<>();
    private final Map<String, Change> engineChangesById = new HashMap<>();
    private final Map<ResourceKey, Change> manual = new LinkedHashMap<>();
    private final Map<String, Decision> decisions = new HashMap<>();
    private final Map<String, String> hashes = new HashMap<>();
    private final Map<ResourceKey, KubeObject> engineOutput = new LinkedHashMap<>();
    private final Map<ResourceKey, KubeObject> proposed = new LinkedHashMap<>();
    private final Map<ResourceKey, String> manualProblems = new HashMap<>();
    private final WavePlanner planner = new WavePlanner();
    /** The waves, once planned; kept in step with the proposed objects after every command. */
    private WavePlan plan;

    ReviewState(List<KubeObject> sourceObjects, List<Change> engineChanges, Collection<Change> manualChanges,
                Map<String, Decision> decisions, WavePlan plan) {
        sourceObjects.forEach(object -> source.put(object.key(), object));
        this.engineChanges = List.copyOf(engineChanges);
        for (Change change : this.engineChanges) {
            engineChangesByResource.computeIfAbsent(change.resource(), k -> new ArrayList<>()).add(change);
            engineChangesById.put(change.id(), change);
        }
        for (Change change : manualChanges) {
            manual.put(change.resource(), change);
        }
        this.decisions.putAll(decisions);
        // a decided change's status compares hashes, so those are needed now; the rest only when decided
        hashAll(allChanges().stream().filter(change -> decisions.containsKey(change.id())).toList());
        recomputeAll();
        this.plan = plan == null ? null : planner.reconcile(plan, proposed.values());
    }

    Optional<WavePlan> plan() {
        return Optional.ofNullable(plan);
    }

    /** Sets (or clears, with null) the plan; returns the one it replaced. */
    WavePlan setPlan(WavePlan newPlan) {
        WavePlan previous = plan;
        plan = newPlan;
        return previous;
    }

    WavePlan autoPlan() {
        return planner.auto(proposed.values());
    }

    /** Brings the plan up to date after the proposed objects changed (a rejected generated object leaves it). */
    private void reconcilePlan() {
        if (plan != null) {
            plan = planner.reconcile(plan, proposed.values());
        }
    }

    // ---- reads

    List<KubeObject> sourceObjects() {
        return List.copyOf(source.values());
    }

    Optional<KubeObject> source(ResourceKey key) {
        return Optional.ofNullable(source.get(key));
    }

    List<KubeObject> proposedObjects() {
        return List.copyOf(proposed.values());
    }

    Optional<KubeObject> proposed(ResourceKey key) {
        return Optional.ofNullable(proposed.get(key));
    }

    Optional<KubeObject> engineOutput(ResourceKey key) {
        return Optional.ofNullable(engineOutput.get(key));
    }

    List<Change> engineChanges() {
        return engineChanges;
    }

    /** Every change, the engine's in rule order followed by the hand edits. */
    List<Change> allChanges() {
        List<Change> all = new ArrayList<>(engineChanges.size() + manual.size());
        all.addAll(engineChanges);
        all.addAll(manual.values());
        return all;
    }

    /** The change with this id, engine or hand edit. */
    Optional<Change> change(String id) {
        Change engine = engineChangesById.get(id);
        if (engine != null) {
            return Optional.of(engine);
        }
        return manual.values().stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** The changes of one object, the engine's in rule order, then its hand edit. */
    List<Change> changesFor(ResourceKey key) {
        List<Change> changes = new ArrayList<>(engineChangesByResource.getOrDefault(key, List.of()));
        Change edit = manual.get(key);
        if (edit != null) {
            changes.add(edit);
        }
        return changes;
    }

    Collection<Change> manualChanges() {
        return List.copyOf(manual.values());
    }

    Optional<Change> manualChange(ResourceKey key) {
        return Optional.ofNullable(manual.get(key));
    }

    Map<String, Decision> decisions() {
        return Map.copyOf(decisions);
    }

    Optional<Decision> decision(String changeId) {
        return Optional.ofNullable(decisions.get(changeId));
    }

    String sha256(Change change) {
        return hashes.computeIfAbsent(change.id(), id -> ChangeContent.sha256(change));
    }

    /** Works out the content hashes of {@code changes} not yet known, on every core. */
    void hashAll(Collection<Change> changes) {
        List<Change> missing = changes.stream().filter(change -> !hashes.containsKey(change.id())).toList();
        List<String> computed = missing.parallelStream().map(ChangeContent::sha256).toList();
        for (int i = 0; i < missing.size(); i++) {
            hashes.put(missing.get(i).id(), computed.get(i));
        }
    }

    ReviewStatus status(Change change) {
        Decision decision = decisions.get(change.id());
        if (decision == null) {
            return ReviewStatus.PENDING;
        }
        if (!decision.sha256().equals(sha256(change))) {
            return ReviewStatus.CHANGED_SINCE_DECIDED;
        }
        return decision.verdict() == Verdict.APPROVED ? ReviewStatus.APPROVED : ReviewStatus.REJECTED;
    }

    ReviewedChange reviewed(Change change) {
        String problem = null;
        if (change.edge() == dev.ferry.engine.Edge.MANUAL) {
            problem = engineOutput.containsKey(change.resource()) ? manualProblems.get(change.resource())
                    : "the edited object is no longer proposed (its source is gone or a change that made it was "
                    + "rejected)";
        }
        return new ReviewedChange(change, status(change), Optional.ofNullable(decisions.get(change.id())),
                hashes.get(change.id()), problem == null, problem == null ? "" : problem);
    }

    // ---- writes (commands call these and undo them)

    /** Sets or clears (null) the decision on a change; returns the one it replaced. */
    Decision decide(Change change, Decision decision) {
        boolean rejectedBefore = status(change) == ReviewStatus.REJECTED;
        Decision previous = decision == null ? decisions.remove(change.id()) : decisions.put(change.id(), decision);
        if (rejectedBefore != (status(change) == ReviewStatus.REJECTED)) {
            recompute(Set.of(change.resource()));
            reconcilePlan();
        }
        return previous;
    }

    /** Sets or clears (null) the hand edit of an object; returns the one it replaced. */
    Change putManual(ResourceKey key, Change change) {
        Change previous = change == null ? manual.remove(key) : manual.put(key, change);
        if (previous != null) {
            hashes.remove(previous.id());
        }
        if (change != null) {
            hashes.put(change.id(), ChangeContent.sha256(change));
        }
        recompute(Set.of(key));
        reconcilePlan();
        return previous;
    }

    // ---- derivation

    private boolean included(Change change) {
        return status(change) != ReviewStatus.REJECTED;
    }

    private void recomputeAll() {
        Composer.Composition composition = composer.compose(List.copyOf(source.values()), engineChanges,
                this::included);
        engineOutput.clear();
        composition.proposed().forEach(object -> engineOutput.put(object.key(), object));
        proposed.clear();
        manualProblems.clear();
        for (KubeObject object : composition.proposed()) {
            proposed.put(object.key(), withManualEdit(object));
        }
    }

    private void recompute(Set<ResourceKey> keys) {
        for (ResourceKey key : new LinkedHashSet<>(keys)) {
            KubeObject sourceObject = source.get(key);
            List<KubeObject> input = sourceObject == null ? List.of() : List.of(sourceObject);
            List<Change> changes = engineChangesByResource.getOrDefault(key, List.of());
            List<KubeObject> output = composer.compose(input, changes, this::included).proposed();
            KubeObject composed = output.stream().filter(o -> o.key().equals(key)).findFirst().orElse(null);
            manualProblems.remove(key);
            if (composed == null) {
                engineOutput.remove(key);
                proposed.remove(key);
            } else {
                engineOutput.put(key, composed);
                proposed.put(key, withManualEdit(composed));
            }
        }
    }

    private KubeObject withManualEdit(KubeObject engineObject) {
        Change edit = manual.get(engineObject.key());
        if (edit == null || !included(edit)) {
            return engineObject;
        }
        ObjectNode body = engineObject.copyBody();
        try {
            JsonPatch.apply(body, edit.patch());
            return engineObject.withBody(body);
        } catch (JsonPatch.PatchException e) {
            manualProblems.put(engineObject.key(), "the hand edit no longer applies to the engine's output ("
                    + e.getMessage() + "); edit the object again");
            return engineObject;
        }
    }
}
