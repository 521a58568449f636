package dev.ferry.app.tree;

import dev.ferry.app.review.Approval;
import dev.ferry.app.review.ObjectRow;
import dev.ferry.engine.Edge;
import dev.ferry.engine.run.ObjectStatus;
import java.util.Locale;

/**
 * What the tree shows: every criterion is optional (null or empty means "any").
 *
 * @param edge         only objects a change of this edge touches
 * @param status       only objects with this status
 * @param approval     only objects in this review state
 * @param namespace    only this namespace (the tree's label, so "(no namespace)" selects objects without one)
 * @param text         only objects whose kind, namespace or name contains this, ignoring case
 * @param needsMeOnly  only objects with an undecided change or an action to take
 * @param showExcluded include the objects the sanitizer left out
 */
public record TreeFilter(Edge edge, ObjectStatus status, Approval approval, String namespace, String text,
                         boolean needsMeOnly, boolean showExcluded) {

    public static final TreeFilter NONE = new TreeFilter(null, null, null, null, "", false, false);

    public TreeFilter {
        text = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        namespace = namespace == null || namespace.isBlank() ? null : namespace;
    }

    public boolean matches(ObjectRow row) {
        if (row.excluded() && !showExcluded && status != ObjectStatus.EXCLUDED) {
            return false;
        }
        if (edge != null && !row.edges().contains(edge)) {
            return false;
        }
        if (status != null && row.status() != status) {
            return false;
        }
        if (approval != null && row.approval() != approval) {
            return false;
        }
        if (namespace != null && !namespace.equals(row.namespaceLabel())) {
            return false;
        }
        if (needsMeOnly && !row.needsMe()) {
            return false;
        }
        return text.isEmpty() || contains(row.key().name()) || contains(row.key().kind())
                || contains(row.key().namespace());
    }

    private boolean contains(String value) {
        return value.toLowerCase(Locale.ROOT).contains(text);
    }

    /** True when something narrows the tree (so the view can offer "clear filters"). */
    public boolean narrows() {
        return edge != null || status != null || approval != null || namespace != null || !text.isEmpty()
                || needsMeOnly;
    }
}
