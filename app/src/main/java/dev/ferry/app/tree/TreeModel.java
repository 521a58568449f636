package dev.ferry.app.tree;

import dev.ferry.app.review.ObjectRow;
import java.util.ArrayList;
import java.util.List;

/**
 * The filtered tree: built off the FX thread in one pass over the sorted flat index, so filtering 10,000 objects
 * costs a few milliseconds and no scene-graph work; the view creates tree items lazily as branches open.
 *
 * @param root    the root group (its children are the namespaces)
 * @param visible the objects that passed the filter, in tree order
 * @param total   how many objects the review holds (excluded ones included)
 */
public record TreeModel(TreeEntry.Group root, List<ObjectRow> visible, int total) {

    public static final TreeModel EMPTY = new TreeModel(
            new TreeEntry.Group(TreeEntry.Level.ROOT, "", "", TreeEntry.Counts.ZERO, List.of()), List.of(), 0);

    /** Groups the rows that pass {@code filter}; {@code rows} must be sorted by namespace, kind and name. */
    public static TreeModel build(List<ObjectRow> rows, TreeFilter filter) {
        List<ObjectRow> visible = new ArrayList<>();
        List<TreeEntry> namespaces = new ArrayList<>();
        TreeEntry.Counts rootCounts = TreeEntry.Counts.ZERO;
        int i = 0;
        while (i < rows.size()) {
            String namespace = rows.get(i).namespaceLabel();
            List<TreeEntry> kinds = new ArrayList<>();
            TreeEntry.Counts nsCounts = TreeEntry.Counts.ZERO;
            while (i < rows.size() && rows.get(i).namespaceLabel().equals(namespace)) {
                String kind = rows.get(i).key().kind();
                String kindPath = namespace + "/" + kind;
                List<TreeEntry> leaves = new ArrayList<>();
                TreeEntry.Counts kindCounts = TreeEntry.Counts.ZERO;
                while (i < rows.size() && rows.get(i).namespaceLabel().equals(namespace)
                        && rows.get(i).key().kind().equals(kind)) {
                    ObjectRow row = rows.get(i++);
                    if (filter.matches(row)) {
                        visible.add(row);
                        leaves.add(new TreeEntry.Leaf(row, kindPath + "/" + row.key().group() + "/" + row.key().name()));
                        kindCounts = kindCounts.plus(row);
                    }
                }
                if (!leaves.isEmpty()) {
                    kinds.add(new TreeEntry.Group(TreeEntry.Level.KIND, kind, kindPath, kindCounts, leaves));
                    nsCounts = nsCounts.plus(kindCounts);
                }
            }
            if (!kinds.isEmpty()) {
                namespaces.add(new TreeEntry.Group(TreeEntry.Level.NAMESPACE, namespace, namespace, nsCounts, kinds));
                rootCounts = rootCounts.plus(nsCounts);
            }
        }
        return new TreeModel(new TreeEntry.Group(TreeEntry.Level.ROOT, "", "", rootCounts, namespaces),
                List.copyOf(visible), rows.size());
    }
}
