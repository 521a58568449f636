package dev.ferry.app.tree;

import dev.ferry.app.review.ObjectRow;
import java.util.List;

/** A node of the side-by-side tree: a namespace or kind group with counts, or one object. Immutable. */
public sealed interface TreeEntry permits TreeEntry.Group, TreeEntry.Leaf {

    /** A stable path ("ns", "ns/Kind", "ns/Kind/name") so the view can keep expansion across rebuilds. */
    String path();

    /** A namespace or kind group. {@code children} are groups or leaves, in tree order. */
    record Group(Level level, String label, String path, Counts counts, List<TreeEntry> children)
            implements TreeEntry {
        public Group {
            children = List.copyOf(children);
        }
    }

    /** One object. */
    record Leaf(ObjectRow row, String path) implements TreeEntry {
    }

    enum Level { ROOT, NAMESPACE, KIND }

    /**
     * What a group holds, shown on every branch.
     *
     * @param objects    objects in the group (as filtered)
     * @param inSource   of them, present in the source
     * @param inProposed of them, present in the proposed target
     * @param changed    of them, touched by at least one change
     * @param needsMe    of them, needing a decision or an action
     */
    record Counts(int objects, int inSource, int inProposed, int changed, int needsMe) {
        static final Counts ZERO = new Counts(0, 0, 0, 0, 0);

        Counts plus(ObjectRow row) {
            return new Counts(objects + 1, inSource + (row.inSource() ? 1 : 0), inProposed + (row.inProposed() ? 1 : 0),
                    changed + (row.changes() > 0 ? 1 : 0), needsMe + (row.needsMe() ? 1 : 0));
        }

        Counts plus(Counts other) {
            return new Counts(objects + other.objects, inSource + other.inSource, inProposed + other.inProposed,
                    changed + other.changed, needsMe + other.needsMe);
        }
    }
}
