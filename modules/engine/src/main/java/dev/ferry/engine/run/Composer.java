package dev.ferry.engine.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.engine.Change;
import dev.ferry.engine.Conflict;
import dev.ferry.engine.patch.JsonPatch;
import dev.ferry.engine.patch.PatchOp;
import dev.ferry.engine.patch.Pointer;
import dev.ferry.model.KubeObject;
import dev.ferry.model.ResourceKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Builds the proposed estate: each sanitized source object with the included changes applied in change order,
 * dropped objects left out, generated objects added. Where two changes write the same place of one object, the
 * earlier wins and a {@link Conflict} says so. Used by the runner and again whenever a reviewer approves, rejects or
 * edits, so the proposed object is always recomputed from the source and never edited in place.
 */
public final class Composer {

    /** The proposed objects, the conflicts found, and operations that no longer applied (with why). */
    public record Composition(List<KubeObject> proposed, List<Conflict> conflicts, List<String> problems) {
    }

    public Composition compose(List<KubeObject> source, List<Change> changes, Predicate<Change> included) {
        Map<ResourceKey, List<Change>> patchesByResource = new HashMap<>();
        Set<ResourceKey> dropped = new HashSet<>();
        List<Change> generated = new ArrayList<>();
        for (Change change : changes) {
            if (!included.test(change)) {
                continue;
            }
            switch (change.type()) {
                case PATCH -> {
                    if (!change.patch().isEmpty()) {
                        patchesByResource.computeIfAbsent(change.resource(), k -> new ArrayList<>()).add(change);
                    }
                }
                case DROP -> dropped.add(change.resource());
                case GENERATE -> generated.add(change);
            }
        }
        List<Conflict> conflicts = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Map<ResourceKey, KubeObject> proposed = new LinkedHashMap<>();
        for (KubeObject object : source) {
            if (dropped.contains(object.key())) {
                continue;
            }
            List<Change> patches = patchesByResource.get(object.key());
            proposed.put(object.key(), patches == null ? object : patched(object, patches, conflicts, problems));
        }
        for (Change change : generated) {
            KubeObject object = KubeObject.of(change.generated());
            KubeObject existing = proposed.get(object.key());
            if (existing == null) {
                proposed.put(object.key(), object);
            } else if (!existing.body().equals(object.body())) {
                conflicts.add(new Conflict(object.key(), "/", "existing " + object.key(), change.rule(),
                        "an object with this name already exists; the existing one is kept"));
            }
        }
        return new Composition(List.copyOf(proposed.values()), conflicts, problems);
    }

    private static KubeObject patched(KubeObject object, List<Change> patches, List<Conflict> conflicts,
                                      List<String> problems) {
        ObjectNode body = object.copyBody();
        Map<String, Written> written = new LinkedHashMap<>();
        for (Change change : patches) {
            for (PatchOp op : change.patch()) {
                Written clash = clash(written, op, change);
                if (clash != null) {
                    if (!clash.op.equals(op)) {
                        conflicts.add(new Conflict(object.key(), op.path(), clash.rule, change.rule(),
                                clash.rule + " changed " + clash.op.path() + " first"));
                    }
                    continue;
                }
                try {
                    JsonPatch.apply(body, op);
                    written.put(op.path(), new Written(change.rule(), change.id(), op));
                } catch (JsonPatch.PatchException e) {
                    problems.add(object.key() + ": change " + change.id() + " (" + change.rule()
                            + ") no longer applies: " + e.getMessage());
                }
            }
        }
        pruneEmptiedMaps(body, written.values());
        return object.withBody(body);
    }

    /**
     * A rule that removes the last annotation or label leaves an empty map, and removing the map itself would make
     * every rule that touches annotations conflict; so the composer prunes maps the patches emptied.
     */
    private static void pruneEmptiedMaps(ObjectNode body, java.util.Collection<Written> written) {
        for (Written w : written) {
            if (!w.op.op().equals("remove")) {
                continue;
            }
            String parent = w.op.path().substring(0, w.op.path().lastIndexOf('/'));
            if (!(parent.endsWith("/annotations") || parent.endsWith("/labels"))) {
                continue;
            }
            com.fasterxml.jackson.databind.JsonNode map = body.at(parent);
            com.fasterxml.jackson.databind.JsonNode holder = body.at(parent.substring(0, parent.lastIndexOf('/')));
            if (map.isObject() && map.isEmpty() && holder instanceof ObjectNode holderObject) {
                holderObject.remove(parent.substring(parent.lastIndexOf('/') + 1));
            }
        }
    }

    private static Written clash(Map<String, Written> written, PatchOp op, Change change) {
        for (Written previous : written.values()) {
            if (!previous.changeId.equals(change.id()) && Pointer.overlaps(previous.op.path(), op.path())) {
                return previous;
            }
        }
        return null;
    }

    private record Written(String rule, String changeId, PatchOp op) {
    }
}
