package dev.ferry.app.diff;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.engine.Change;
import dev.ferry.engine.ChangeType;
import dev.ferry.engine.Edge;
import dev.ferry.engine.patch.JsonPatch;
import dev.ferry.model.io.Yaml;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes what one edge alone does to an object, for the per-edge diff tabs: the sanitized source with only that
 * edge's changes applied, in the order given (the engine's rule order). Pure; never changes its inputs.
 */
public final class EdgePreview {

    private EdgePreview() {
    }

    /**
     * The YAML of {@code source} after the changes of {@code edge} among {@code changes}. A generate change yields
     * its object (there is no source); a drop yields an empty text (the object does not reach the target).
     *
     * @param source the sanitized source object, or null for an object that only exists on the target
     * @throws JsonPatch.PatchException when an operation does not apply to the source
     */
    public static String yamlAfter(ObjectNode source, List<Change> changes, Edge edge) throws JsonPatch.PatchException {
        ObjectNode result = source == null ? null : source.deepCopy();
        for (Change change : changes) {
            if (change.edge() != edge) {
                continue;
            }
            if (change.type() == ChangeType.DROP) {
                return "";
            }
            if (change.type() == ChangeType.GENERATE) {
                result = change.generated().deepCopy();
            } else if (result != null) {
                JsonPatch.apply(result, change.patch());
            }
        }
        return result == null ? "" : Yaml.write(result);
    }

    /**
     * One {@link EdgeDiff} per edge that alters the object, in the order the edges first appear among
     * {@code changes}; advisories (changes without operations) count toward their edge but alone make no tab.
     */
    public static List<EdgeDiff> perEdge(ObjectNode source, List<Change> changes) throws JsonPatch.PatchException {
        Map<Edge, List<Change>> byEdge = new LinkedHashMap<>();
        for (Change change : changes) {
            byEdge.computeIfAbsent(change.edge(), e -> new ArrayList<>()).add(change);
        }
        List<EdgeDiff> tabs = new ArrayList<>();
        for (Map.Entry<Edge, List<Change>> entry : byEdge.entrySet()) {
            if (entry.getValue().stream().noneMatch(Change::altersTarget)) {
                continue;
            }
            Edge edge = entry.getKey();
            tabs.add(new EdgeDiff(edge.id(), label(edge), yamlAfter(source, entry.getValue(), edge),
                    entry.getValue().size()));
        }
        return tabs;
    }

    /** "load-balancer" → "Load balancer". */
    static String label(Edge edge) {
        String words = edge.id().replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
