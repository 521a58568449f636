package dev.ferry.engine.run;

import dev.ferry.engine.Artifact;
import dev.ferry.engine.Change;
import dev.ferry.engine.ChangeType;
import dev.ferry.engine.Conflict;
import dev.ferry.engine.Edge;
import dev.ferry.model.KubeObject;
import dev.ferry.model.ResourceKey;
import dev.ferry.model.sanitize.Exclusion;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the engine proposes for an estate: the sanitized source, the proposed target objects, every change (the unit
 * of review), conflicts between rules, artifacts, exclusions, objects the input defined more than once, and problems
 * that did not stop the run. Immutable.
 */
public final class Proposal {

    private final List<KubeObject> source;
    private final List<KubeObject> proposed;
    private final List<Change> changes;
    private final List<Conflict> conflicts;
    private final List<Artifact> artifacts;
    private final List<Exclusion> excluded;
    private final List<String> duplicates;
    private final List<String> problems;
    private final Set<ResourceKey> touched;
    private final Map<Edge, List<Change>> byEdge;

    public Proposal(List<KubeObject> source, List<KubeObject> proposed, List<Change> changes,
                    List<Conflict> conflicts, List<Artifact> artifacts, List<Exclusion> excluded,
                    List<String> duplicates, List<String> problems) {
        this.source = List.copyOf(source);
        this.proposed = List.copyOf(proposed);
        this.changes = List.copyOf(changes);
        this.conflicts = List.copyOf(conflicts);
        this.artifacts = List.copyOf(artifacts);
        this.excluded = List.copyOf(excluded);
        this.duplicates = List.copyOf(duplicates);
        this.problems = List.copyOf(problems);
        Set<ResourceKey> touchedKeys = new HashSet<>();
        Map<Edge, List<Change>> edges = new EnumMap<>(Edge.class);
        for (Change change : this.changes) {
            if (change.type() == ChangeType.DROP || !change.patch().isEmpty() || !change.findings().isEmpty()) {
                touchedKeys.add(change.resource());
            }
            edges.computeIfAbsent(change.edge(), e -> new java.util.ArrayList<>()).add(change);
        }
        edges.replaceAll((edge, list) -> List.copyOf(list));
        this.touched = Set.copyOf(touchedKeys);
        this.byEdge = edges;
    }

    public List<KubeObject> source() {
        return source;
    }

    public List<KubeObject> proposed() {
        return proposed;
    }

    public List<Change> changes() {
        return changes;
    }

    public List<Conflict> conflicts() {
        return conflicts;
    }

    public List<Artifact> artifacts() {
        return artifacts;
    }

    public List<Exclusion> excluded() {
        return excluded;
    }

    public List<String> duplicates() {
        return duplicates;
    }

    public List<String> problems() {
        return problems;
    }

    public List<Change> changes(Edge edge) {
        return byEdge.getOrDefault(edge, List.of());
    }

    /** True when a source object is carried byte-for-byte: no change of any rule alters, drops or comments on it. */
    public boolean isPortable(ResourceKey key) {
        return !touched.contains(key);
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
}
