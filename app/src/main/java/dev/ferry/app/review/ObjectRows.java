package dev.ferry.app.review;

import dev.ferry.engine.Change;
import dev.ferry.engine.Edge;
import dev.ferry.engine.run.ObjectStatus;
import dev.ferry.model.ResourceKey;
import dev.ferry.model.sanitize.Exclusion;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Builds the tree's flat rows from what a bundle or a review session holds. Pure; runs off the FX thread. */
public final class ObjectRows {

    private ObjectRows() {
    }

    /**
     * @param source     keys of the sanitized source objects
     * @param proposed   keys of the proposed objects
     * @param statuses   each object's status
     * @param changes    every change
     * @param approvalOf each change's review state
     * @param excluded   objects the sanitizer left out
     * @return one row per object, sorted by namespace, kind and name
     */
    public static List<ObjectRow> build(Collection<ResourceKey> source, Collection<ResourceKey> proposed,
                                        Map<ResourceKey, ObjectStatus> statuses, List<Change> changes,
                                        Function<Change, Approval> approvalOf, List<Exclusion> excluded) {
        Set<ResourceKey> inSource = new java.util.HashSet<>(source);
        Set<ResourceKey> inProposed = new java.util.HashSet<>(proposed);
        Map<ResourceKey, Tally> tallies = new HashMap<>();
        for (Change change : changes) {
            Tally tally = tallies.computeIfAbsent(change.resource(), k -> new Tally());
            Approval approval = approvalOf.apply(change);
            tally.edges.add(change.edge());
            tally.count++;
            if (approval.needsDecision()) {
                tally.pending++;
            }
            tally.approval = Approval.combine(tally.approval, approval);
        }
        Set<ResourceKey> keys = new LinkedHashSet<>(source);
        keys.addAll(proposed);
        keys.addAll(tallies.keySet());
        List<ObjectRow> rows = new ArrayList<>(keys.size() + excluded.size());
        for (ResourceKey key : keys) {
            Tally tally = tallies.getOrDefault(key, Tally.EMPTY);
            ObjectStatus status = statuses.getOrDefault(key, ObjectStatus.UNCHANGED);
            rows.add(new ObjectRow(key, inSource.contains(key), inProposed.contains(key), tally.edges, status,
                    tally.approval, tally.count, tally.pending, ""));
        }
        for (Exclusion exclusion : excluded) {
            if (!keys.contains(exclusion.resource())) {
                rows.add(new ObjectRow(exclusion.resource(), true, false, Set.of(), ObjectStatus.EXCLUDED,
                        Approval.NONE, 0, 0, exclusion.reason()));
            }
        }
        rows.sort((a, b) -> a.key().compareTo(b.key()));
        return List.copyOf(rows);
    }

    private static final class Tally {
        static final Tally EMPTY = new Tally();
        final Set<Edge> edges = EnumSet.noneOf(Edge.class);
        Approval approval = Approval.NONE;
        int count;
        int pending;
    }
}
