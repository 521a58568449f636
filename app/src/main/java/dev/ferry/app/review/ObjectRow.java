package dev.ferry.app.review;

import dev.ferry.engine.Edge;
import dev.ferry.engine.run.ObjectStatus;
import dev.ferry.model.ResourceKey;
import java.util.Set;

/**
 * One object as the side-by-side tree shows it: a flat, immutable row computed once per snapshot, so filtering and
 * rendering never touch YAML.
 *
 * @param key            the object
 * @param inSource       present in the sanitized source
 * @param inProposed     present in the proposed target (false for dropped, rejected-generated and excluded objects)
 * @param edges          the edges of the changes that touch it
 * @param status         unchanged, changed, generated, dropped, excluded or needs action
 * @param approval       its changes' review state, aggregated
 * @param changes        how many changes touch it
 * @param pending        how many of them still need a decision
 * @param excludedReason why the sanitizer left it out; empty unless {@code status} is excluded
 */
public record ObjectRow(ResourceKey key, boolean inSource, boolean inProposed, Set<Edge> edges, ObjectStatus status,
                        Approval approval, int changes, int pending, String excludedReason) {

    public ObjectRow {
        edges = Set.copyOf(edges);
        excludedReason = excludedReason == null ? "" : excludedReason;
    }

    /** The namespace as the tree groups it: objects without one (cluster-scoped, or left to the default namespace) go under "(no namespace)". */
    public String namespaceLabel() {
        return key.namespace().isEmpty() ? CLUSTER_SCOPE : key.namespace();
    }

    /** What "show only what needs me" keeps: an undecided change, or an action a human must take. */
    public boolean needsMe() {
        return pending > 0 || approval.needsDecision() || status == ObjectStatus.NEEDS_ACTION;
    }

    public boolean excluded() {
        return status == ObjectStatus.EXCLUDED;
    }

    /** The tree's label for cluster-scoped objects. */
    public static final String CLUSTER_SCOPE = "(no namespace)";
}
