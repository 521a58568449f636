package dev.ferry.app.review;

import dev.ferry.engine.Change;
import dev.ferry.engine.Direction;
import dev.ferry.engine.run.ObjectStatus;
import dev.ferry.engine.settings.MigrationSettings;
import dev.ferry.model.KubeObject;
import dev.ferry.model.ResourceKey;
import dev.ferry.model.sanitize.Exclusion;
import dev.ferry.plan.bundle.Bundle;
import dev.ferry.plan.review.AuditEntry;
import dev.ferry.plan.review.ReviewSession;
import dev.ferry.plan.review.ReviewedChange;
import dev.ferry.plan.waves.WaveBlocker;
import dev.ferry.plan.waves.WavePlan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the workbench shows of an open review, read from the {@link ReviewSession} off the FX thread and
 * immutable, so every view reads one consistent state. A new snapshot replaces the old one after each command.
 */
public final class ReviewSnapshot {

    private final ReviewSession session;
    private final List<ObjectRow> rows;
    private final Map<ResourceKey, ObjectRow> rowIndex;
    private final Map<ResourceKey, KubeObject> source;
    private final Map<ResourceKey, KubeObject> proposed;
    private final Map<ResourceKey, List<ReviewedChange>> changes;
    private final int pendingChanges;
    private final int totalChanges;
    private final Optional<String> undo;
    private final Optional<String> redo;
    private final List<AuditEntry> audit;
    private final Optional<WavePlan> plan;
    private final List<WaveBlocker> blockers;

    private ReviewSnapshot(ReviewSession session, List<ObjectRow> rows, Map<ResourceKey, KubeObject> source,
                           Map<ResourceKey, KubeObject> proposed, Map<ResourceKey, List<ReviewedChange>> changes,
                           int pendingChanges, int totalChanges, Optional<String> undo, Optional<String> redo,
                           List<AuditEntry> audit, Optional<WavePlan> plan,
                           List<WaveBlocker> blockers) {
        this.session = session;
        this.rows = List.copyOf(rows);
        Map<ResourceKey, ObjectRow> index = new HashMap<>(rows.size() * 2);
        for (ObjectRow row : rows) {
            index.put(row.key(), row);
        }
        this.rowIndex = index;
        this.source = source;
        this.proposed = proposed;
        this.changes = changes;
        this.pendingChanges = pendingChanges;
        this.totalChanges = totalChanges;
        this.undo = undo;
        this.redo = redo;
        this.audit = audit;
        this.plan = plan;
        this.blockers = List.copyOf(blockers);
    }

    /** Reads the session's current state. Blocks on the session: call it off the FX thread. */
    public static ReviewSnapshot of(ReviewSession session) {
        List<ReviewedChange> reviewed = session.changes();
        Map<String, Approval> approvals = new HashMap<>(reviewed.size() * 2);
        Map<ResourceKey, List<ReviewedChange>> byObject = new HashMap<>();
        List<Change> changes = new ArrayList<>(reviewed.size());
        int pending = 0;
        for (ReviewedChange change : reviewed) {
            approvals.put(change.id(), Approval.of(change.status()));
            byObject.computeIfAbsent(change.change().resource(), k -> new ArrayList<>()).add(change);
            changes.add(change.change());
            if (change.status().undecided()) {
                pending++;
            }
        }
        byObject.replaceAll((k, list) -> List.copyOf(list));
        Map<ResourceKey, KubeObject> source = index(session.sourceObjects());
        Map<ResourceKey, KubeObject> proposed = index(session.proposedObjects());
        Map<ResourceKey, ObjectStatus> statuses = new HashMap<>(session.statuses());
        for (Exclusion exclusion : session.excluded()) {
            statuses.putIfAbsent(exclusion.resource(), ObjectStatus.EXCLUDED);
        }
        List<ObjectRow> rows = ObjectRows.build(source.keySet(), proposed.keySet(), statuses, changes,
                c -> approvals.getOrDefault(c.id(), Approval.PENDING), session.excluded());
        return new ReviewSnapshot(session, rows, source, proposed, byObject, pending, reviewed.size(),
                session.undoDescription(), session.redoDescription(), session.audit(), session.plan(),
                session.blockers());
    }

    private static Map<ResourceKey, KubeObject> index(List<KubeObject> objects) {
        Map<ResourceKey, KubeObject> index = new HashMap<>(objects.size() * 2);
        for (KubeObject object : objects) {
            index.put(object.key(), object);
        }
        return index;
    }

    /** The live session: commands go through it (off the FX thread). */
    public ReviewSession session() {
        return session;
    }

    public Path location() {
        return session.location();
    }

    /** The bundle's name, for titles. */
    public String name() {
        Path location = session.location();
        return location.getFileName() == null ? location.toString() : location.getFileName().toString();
    }

    public boolean fromZip() {
        return session.fromZip();
    }

    public Bundle.Verification verification() {
        return session.verification();
    }

    public Direction direction() {
        return session.direction();
    }

    public MigrationSettings settings() {
        return session.settings();
    }

    /** Every object, sorted by namespace, kind and name: the tree's flat index. */
    public List<ObjectRow> rows() {
        return rows;
    }

    public Optional<ObjectRow> row(ResourceKey key) {
        return Optional.ofNullable(rowIndex.get(key));
    }

    public Optional<KubeObject> source(ResourceKey key) {
        return Optional.ofNullable(source.get(key));
    }

    public Optional<KubeObject> proposed(ResourceKey key) {
        return Optional.ofNullable(proposed.get(key));
    }

    /** The changes of one object, in rule order. */
    public List<ReviewedChange> changesFor(ResourceKey key) {
        return changes.getOrDefault(key, List.of());
    }

    /** Changes still waiting for a decision (pending or changed since decided). */
    public int pendingChanges() {
        return pendingChanges;
    }

    public int totalChanges() {
        return totalChanges;
    }

    /** What undo would undo; empty when there is nothing. */
    public Optional<String> undoDescription() {
        return undo;
    }

    public Optional<String> redoDescription() {
        return redo;
    }

    public List<AuditEntry> audit() {
        return audit;
    }

    /** The waves, once planned. */
    public Optional<WavePlan> plan() {
        return plan;
    }

    /** Why waves cannot be applied yet; empty without a plan. */
    public List<WaveBlocker> blockers() {
        return blockers;
    }
}
