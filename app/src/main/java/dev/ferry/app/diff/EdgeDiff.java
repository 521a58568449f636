package dev.ferry.app.diff;

/**
 * One edge's change to an object, as an edge tab shows it.
 *
 * @param edgeId                 the edge's id, e.g. {@code ingress}; keeps the tab selected across objects
 * @param label                  the tab's label, e.g. {@code Ingress}
 * @param yamlAfterThisEdgeOnly  the source object with only this edge's operations applied
 * @param changeCount            how many changes of this edge touch the object (shown in the tab title)
 */
public record EdgeDiff(String edgeId, String label, String yamlAfterThisEdgeOnly, int changeCount) {
}
