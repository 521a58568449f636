package dev.ferry.engine.run;

import dev.ferry.engine.Artifact;
import dev.ferry.engine.Change;
import dev.ferry.engine.ChangeType;
import dev.ferry.engine.Conflict;
import dev.ferry.engine.Edge;
import dev.ferry.model.KubeObject;
import dev.ferry.model.ResourceKey;
import dev.ferry.model.sanitize.Exclusion;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the engine proposes for an estate: the sanitized source, the proposed target objects, every change (the unit
 * of review), conflicts between rules, artifacts, exclusions, objects the input defined more than once, and problems
 * that did not stop the run.
 */
public record Proposal(List<KubeObject> source, List<KubeObject> proposed, List<Change> changes,
                       List<Conflict> conflicts, List<Artifact> artifacts, List<Exclusion> excluded,
                       List<String> duplicates, List<String> problems) {

    public Proposal {
        source = List.copyOf(source);
        proposed = List.copyOf(proposed);
        changes = List.copyOf(changes);
        conflicts = List.copyOf(conflicts);
        artifacts = List.copyOf(artifacts);
        excluded = List.copyOf(excluded);
        duplicates = List.copyOf(duplicates);
        problems = List.copyOf(problems);
    }

    public List<Change> changes(Edge edge) {
        return changes.stream().filter(c -> c.edge() == edge).toList();
    }

    /** The status of every source and generated object. Excluded objects are listed by {@link #excluded()}. */
    public Map<ResourceKey, ObjectStatus> statuses() {
        Map<ResourceKey, ObjectStatus> statuses = new HashMap<>();
        for (KubeObject object : source) {
            statuses.put(object.key(), ObjectStatus.UNCHANGED);
        }
        for (Change change : changes) {
            ObjectStatus status = switch (change.type()) {
                case GENERATE -> ObjectStatus.GENERATED;
                case DROP -> ObjectStatus.DROPPED;
                case PATCH -> change.patch().isEmpty() ? ObjectStatus.UNCHANGED : ObjectStatus.CHANGED;
            };
            if (change.needsAction()) {
                status = ObjectStatus.NEEDS_ACTION;
            }
            statuses.merge(change.resource(), status, Proposal::stronger);
        }
        return statuses;
    }

    private static ObjectStatus stronger(ObjectStatus a, ObjectStatus b) {
        return rank(a) >= rank(b) ? a : b;
    }

    private static int rank(ObjectStatus status) {
        return switch (status) {
            case UNCHANGED -> 0;
            case CHANGED -> 1;
            case GENERATED -> 2;
            case DROPPED -> 3;
            case EXCLUDED -> 4;
            case NEEDS_ACTION -> 5;
        };
    }

    /** True when a source object is carried byte-for-byte: no change of any rule touches it. */
    public boolean isPortable(ResourceKey key) {
        return changes.stream().noneMatch(c -> c.resource().equals(key)
                && (c.type() == ChangeType.DROP || !c.patch().isEmpty() || !c.findings().isEmpty()));
    }
}
