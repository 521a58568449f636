package dev.ferry.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.sandbox.ManagedFields.Entry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Server-side apply: merges a manager's applied configuration into the live object the way the API server's
 * structured merge does, simplified: maps merge recursively, lists are replaced whole, fields the same manager
 * applied before and no longer sends are removed (unless another manager owns them too), and setting a field that
 * another manager owns with a different value is a conflict unless forced, in which case ownership moves.
 */
final class ServerSideApply {

    private ServerSideApply() {
    }

    /**
     * The object after {@code manager} applies {@code config}.
     *
     * @param live the stored object, or null when the apply creates it
     * @throws ApiException 409 naming the conflicting fields and their managers
     */
    static ObjectNode apply(ResourceType type, ObjectNode live, ObjectNode config, String manager, boolean force) {
        Map<List<String>, JsonNode> applied = ManagedFields.leaves(config, type.hasStatus());
        if (live == null) {
            ObjectNode created = config.deepCopy();
            if (type.hasStatus()) {
                created.remove("status");
            }
            ManagedFields.write(created, List.of(new Entry(manager, ManagedFields.APPLY, type.apiVersion(),
                    ManagedFields.now(), applied.keySet())));
            return created;
        }
        List<Entry> entries = ManagedFields.read(live);
        Map<Entry, Set<List<String>>> lost = conflicts(type, live, config, manager, applied, entries, force);

        ObjectNode merged = live.deepCopy();
        Set<List<String>> before = entries.stream().filter(e -> e.is(manager, ManagedFields.APPLY))
                .findFirst().map(Entry::fields).orElse(Set.of());
        for (List<String> field : before) {
            if (!applied.containsKey(field) && !ownedByOthers(field, manager, entries, lost)
                    && applied.keySet().stream().noneMatch(p -> startsWith(p, field))) {
                ManagedFields.remove(merged, field);
            }
        }
        applied.forEach((path, value) -> ManagedFields.set(merged, path, value));

        List<Entry> result = new ArrayList<>();
        boolean mineAdded = false;
        for (Entry entry : entries) {
            if (entry.is(manager, ManagedFields.APPLY)) {
                boolean same = entry.fields().equals(applied.keySet()) && merged.equals(live);
                result.add(new Entry(manager, ManagedFields.APPLY, type.apiVersion(),
                        same ? entry.time() : ManagedFields.now(), applied.keySet()));
                mineAdded = true;
            } else {
                Set<List<String>> kept = new LinkedHashSet<>(entry.fields());
                kept.removeAll(lost.getOrDefault(entry, Set.of()));
                result.add(new Entry(entry.manager(), entry.operation(), entry.apiVersion(), entry.time(), kept));
            }
        }
        if (!mineAdded) {
            result.add(new Entry(manager, ManagedFields.APPLY, type.apiVersion(), ManagedFields.now(),
                    applied.keySet()));
        }
        ManagedFields.write(merged, result);
        return merged;
    }

    /** Fields other managers own with a different value: thrown as a conflict, or (forced) taken from them. */
    private static Map<Entry, Set<List<String>>> conflicts(ResourceType type, ObjectNode live, ObjectNode config,
                                                            String manager, Map<List<String>, JsonNode> applied,
                                                            List<Entry> entries, boolean force) {
        Map<Entry, Set<List<String>>> lost = new LinkedHashMap<>();
        List<ApiException.FieldConflict> conflicts = new ArrayList<>();
        for (Entry entry : entries) {
            if (entry.manager().equals(manager)) {
                continue;
            }
            for (List<String> owned : entry.fields()) {
                boolean touched = applied.keySet().stream()
                        .anyMatch(p -> p.equals(owned) || startsWith(owned, p) || startsWith(p, owned));
                if (touched && !ManagedFields.at(live, owned).equals(ManagedFields.at(config, owned))) {
                    lost.computeIfAbsent(entry, e -> new LinkedHashSet<>()).add(owned);
                    conflicts.add(new ApiException.FieldConflict(entry.manager(), entry.operation(),
                            ManagedFields.describe(owned)));
                }
            }
        }
        if (!conflicts.isEmpty() && !force) {
            throw ApiException.applyConflict(type, live.path("metadata").path("name").asText(), conflicts);
        }
        return lost;
    }

    private static boolean ownedByOthers(List<String> field, String manager, List<Entry> entries,
                                         Map<Entry, Set<List<String>>> lost) {
        return entries.stream().anyMatch(e -> !e.is(manager, ManagedFields.APPLY) && e.fields().contains(field)
                && !lost.getOrDefault(e, Set.of()).contains(field));
    }

    /** Whether {@code path} lies strictly below {@code prefix}. */
    private static boolean startsWith(List<String> path, List<String> prefix) {
        return path.size() > prefix.size() && path.subList(0, prefix.size()).equals(prefix);
    }
}
