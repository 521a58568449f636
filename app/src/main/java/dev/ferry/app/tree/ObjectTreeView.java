package dev.ferry.app.tree;

import dev.ferry.app.common.Badges;
import dev.ferry.app.review.Approval;
import dev.ferry.app.review.ObjectRow;
import dev.ferry.engine.Edge;
import dev.ferry.engine.run.ObjectStatus;
import dev.ferry.model.ResourceKey;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The side-by-side tree: namespace → kind → object, source and proposed columns, edge badges, status and approval,
 * counts on every branch; the filter bar above it. Tree items are created lazily as branches open, and expansion
 * and selection survive a rebuild.
 */
public final class ObjectTreeView extends BorderPane {

    /** Below this many visible objects every branch opens by itself. */
    private static final int EXPAND_ALL_BELOW = 250;

    private final ObjectTreeViewModel model;
    private final TreeTableView<TreeEntry> table = new TreeTableView<>();
    private final ComboBox<FilterChoice<Edge>> edgeFilter = new ComboBox<>();
    private final ComboBox<FilterChoice<ObjectStatus>> statusFilter = new ComboBox<>();
    private final ComboBox<FilterChoice<Approval>> approvalFilter = new ComboBox<>();
    private final ComboBox<FilterChoice<String>> namespaceFilter = new ComboBox<>();
    private final TextField textFilter = new TextField();
    private final ToggleButton needsMe = new ToggleButton("Needs me");
    private final CheckBox showExcluded = new CheckBox("Excluded");
    private final Button clear = new Button("Clear");
    private final Label summary = new Label();
    private final Set<String> expanded = new HashSet<>();
    private boolean syncing;
    /** True while the tree itself publishes its selection, so the echo does not change the selection mid-event. */
    private boolean fromTree;

    public ObjectTreeView(ObjectTreeViewModel model) {
        this.model = model;
        createView();
        bindViewModel();
    }

    private void createView() {
        getStyleClass().add("object-tree");
        setId("objectTreePane");
        edgeFilter.setId("treeFilterEdge");
        statusFilter.setId("treeFilterStatus");
        approvalFilter.setId("treeFilterApproval");
        namespaceFilter.setId("treeFilterNamespace");
        textFilter.setId("treeFilterText");
        needsMe.setId("needsMeToggle");
        showExcluded.setId("showExcludedToggle");
        clear.setId("clearFilters");
        summary.setId("treeSummary");
        table.setId("objectTree");

        textFilter.setPromptText("Filter by name, kind or namespace (Ctrl+F)");
        textFilter.setTooltip(new Tooltip("Filter by name, kind or namespace (Ctrl+F)"));
        needsMe.setTooltip(new Tooltip("Show only objects with an undecided change or an action to take (Ctrl+M)"));
        showExcluded.setTooltip(new Tooltip("Also show the objects the sanitizer left out, with the reason (Ctrl+Shift+X)"));
        clear.setTooltip(new Tooltip("Clear every filter"));
        edgeFilter.setTooltip(new Tooltip("Only objects a change of this edge touches"));
        statusFilter.setTooltip(new Tooltip("Only objects with this status"));
        approvalFilter.setTooltip(new Tooltip("Only objects in this review state"));
        namespaceFilter.setTooltip(new Tooltip("Only this namespace"));
        for (ComboBox<?> combo : List.of(edgeFilter, statusFilter, approvalFilter, namespaceFilter)) {
            combo.setMaxWidth(Double.MAX_VALUE);
            combo.setPrefWidth(130);
        }
        HBox.setHgrow(textFilter, Priority.ALWAYS);
        textFilter.setMinWidth(80);
        for (javafx.scene.control.Control fixed : new javafx.scene.control.Control[] {needsMe, showExcluded, clear}) {
            fixed.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        HBox textRow = new HBox(6, textFilter, needsMe, showExcluded, clear);
        textRow.setAlignment(Pos.CENTER_LEFT);
        FlowPane comboRow = new FlowPane(6, 6, edgeFilter, statusFilter, approvalFilter, namespaceFilter);
        VBox filters = new VBox(6, textRow, comboRow);
        filters.setPadding(new Insets(6));
        filters.getStyleClass().add("tree-filters");
        setTop(filters);

        table.setShowRoot(false);
        table.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("Source", 165, this::renderSource));
        table.getColumns().add(column("Proposed", 120, this::renderProposed));
        table.getColumns().add(column("Edges", 90, this::renderEdges));
        table.getColumns().add(column("Status", 95, this::renderStatus));
        table.getColumns().add(column("Review", 85, this::renderApproval));
        table.setPlaceholder(new Label("No objects match the filters."));
        setCenter(table);

        summary.getStyleClass().add("tree-summary");
        summary.setPadding(new Insets(4, 6, 4, 6));
        setBottom(summary);
    }

    private void bindViewModel() {
        FilterChoice.bind(edgeFilter, "All edges", model.edges(), Edge::id, model.edgeProperty());
        FilterChoice.bind(statusFilter, "Any status", FXCollections.observableArrayList(ObjectStatus.values()),
                ObjectStatus::label, model.statusProperty());
        FilterChoice.bind(approvalFilter, "Any approval", FXCollections.observableArrayList(Approval.values()),
                Approval::label, model.approvalProperty());
        FilterChoice.bind(namespaceFilter, "All namespaces", model.namespaces(), Function.identity(),
                model.namespaceProperty());
        textFilter.textProperty().bindBidirectional(model.textProperty());
        needsMe.selectedProperty().bindBidirectional(model.needsMeOnlyProperty());
        showExcluded.selectedProperty().bindBidirectional(model.showExcludedProperty());
        clear.setOnAction(e -> model.clearFilters());
        summary.textProperty().bind(model.summaryProperty());

        model.treeProperty().addListener((obs, old, now) -> show(now));
        show(model.treeProperty().get());
        table.getSelectionModel().setSelectionMode(javafx.scene.control.SelectionMode.MULTIPLE);
        table.getSelectionModel().getSelectedItems().addListener(
                (javafx.collections.ListChangeListener<TreeItem<TreeEntry>>) change -> selectionChanged());
        // the focused item can change after the list does: follow both
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> selectionChanged());
        model.selectionProperty().addListener((obs, old, now) -> {
            if (!fromTree) {
                reveal(now); // selected elsewhere (next change, a test, the waves panel): show it here
            }
        });
    }

    private void selectionChanged() {
        if (syncing) {
            return;
        }
        java.util.Set<ResourceKey> keys = new java.util.LinkedHashSet<>();
        for (TreeItem<TreeEntry> item : table.getSelectionModel().getSelectedItems()) {
            if (item != null) {
                collect(item.getValue(), keys);
            }
        }
        TreeItem<TreeEntry> focused = table.getSelectionModel().getSelectedItem();
        ResourceKey focusedKey = focused != null && focused.getValue() instanceof TreeEntry.Leaf leaf
                ? leaf.row().key() : null;
        fromTree = true;
        try {
            if (keys.size() == 1) {
                model.select(keys.iterator().next());
            } else if (!keys.isEmpty()) {
                model.selectAll(keys, focusedKey);
            }
        } finally {
            fromTree = false;
        }
    }

    private static void collect(TreeEntry entry, java.util.Set<ResourceKey> keys) {
        if (entry instanceof TreeEntry.Leaf leaf) {
            keys.add(leaf.row().key());
        } else if (entry instanceof TreeEntry.Group group) {
            group.children().forEach(child -> collect(child, keys));
        }
    }

    /** Focuses the text filter (Ctrl+F). */
    public void focusTextFilter() {
        textFilter.requestFocus();
        textFilter.selectAll();
    }

    /** The table, so the workbench can give it focus. */
    public TreeTableView<TreeEntry> table() {
        return table;
    }

    private void show(TreeModel tree) {
        boolean expandAll = tree.visible().size() < EXPAND_ALL_BELOW;
        EntryItem root = new EntryItem(tree.root());
        syncing = true;
        try {
            table.setRoot(root);
            root.setExpanded(true);
            restoreExpansion(root, expandAll);
        } finally {
            syncing = false;
        }
        reveal(model.selectionProperty().get());
    }

    private void restoreExpansion(TreeItem<TreeEntry> item, boolean expandAll) {
        for (TreeItem<TreeEntry> child : item.getChildren()) {
            if (child.getValue() instanceof TreeEntry.Group group
                    && (expandAll || expanded.contains(group.path()))) {
                child.setExpanded(true);
                restoreExpansion(child, expandAll);
            }
        }
    }

    /** Selects and scrolls to {@code key}, opening its branches; clears the selection when it is not shown. */
    private void reveal(ResourceKey key) {
        TreeItem<TreeEntry> current = table.getSelectionModel().getSelectedItem();
        if (key == null || current != null && current.getValue() instanceof TreeEntry.Leaf leaf
                && leaf.row().key().equals(key)) {
            return;
        }
        TreeItem<TreeEntry> item = find(key);
        syncing = true;
        try {
            if (item == null) {
                table.getSelectionModel().clearSelection();
                return;
            }
            for (TreeItem<TreeEntry> parent = item.getParent(); parent != null; parent = parent.getParent()) {
                parent.setExpanded(true);
                expanded.add(parent.getValue().path());
            }
            table.getSelectionModel().clearAndSelect(table.getRow(item));
            int row = table.getRow(item);
            if (row >= 0 && !comfortablyVisible(row)) {
                table.scrollTo(Math.max(0, row - 3));
            }
        } finally {
            syncing = false;
        }
    }

    /**
     * Whether {@code row} is on screen with a row to spare above and below, so revealing it need not scroll: a
     * scroll hands every visible row a new item, and restyling the whole table on each "next change" was as costly
     * as the diff it shows.
     */
    private boolean comfortablyVisible(int row) {
        if (!(table.lookup(".virtual-flow") instanceof javafx.scene.control.skin.VirtualFlow<?> flow)) {
            return false;
        }
        javafx.scene.control.IndexedCell<?> first = flow.getFirstVisibleCell();
        javafx.scene.control.IndexedCell<?> last = flow.getLastVisibleCell();
        return first != null && last != null && row > first.getIndex() && row < last.getIndex();
    }

    private TreeItem<TreeEntry> find(ResourceKey key) {
        TreeItem<TreeEntry> root = table.getRoot();
        if (root == null) {
            return null;
        }
        String namespace = key.namespace().isEmpty() ? ObjectRow.CLUSTER_SCOPE : key.namespace();
        TreeItem<TreeEntry> ns = child(root, namespace);
        TreeItem<TreeEntry> kind = ns == null ? null : child(ns, namespace + "/" + key.kind());
        if (kind == null) {
            return null;
        }
        for (TreeItem<TreeEntry> leaf : kind.getChildren()) {
            if (leaf.getValue() instanceof TreeEntry.Leaf l && l.row().key().equals(key)) {
                return leaf;
            }
        }
        return null;
    }

    private static TreeItem<TreeEntry> child(TreeItem<TreeEntry> parent, String path) {
        for (TreeItem<TreeEntry> child : parent.getChildren()) {
            if (child.getValue().path().equals(path)) {
                return child;
            }
        }
        return null;
    }

    private TreeTableColumn<TreeEntry, TreeEntry> column(String title, double width, CellRenderer renderer) {
        TreeTableColumn<TreeEntry, TreeEntry> column = new TreeTableColumn<>(title);
        column.setPrefWidth(width);
        column.setSortable(false);
        column.setCellValueFactory(data -> new ReadOnlyObjectWrapper<>(data.getValue().getValue()));
        column.setCellFactory(c -> new EntryCell(renderer));
        return column;
    }

    /**
     * A cell of the tree. Its {@code cell-*} style classes change only when they differ from the last item's: a
     * change of style classes restyles the cell, and every row gets a new item on every scroll.
     */
    private static final class EntryCell extends TreeTableCell<TreeEntry, TreeEntry> {
        private final CellRenderer renderer;
        private final List<String> marks = new java.util.ArrayList<>();

        EntryCell(CellRenderer renderer) {
            this.renderer = renderer;
        }

        /** Adds a {@code cell-*} style class for the current item. */
        void mark(String styleClass) {
            marks.add(styleClass);
        }

        @Override
        protected void updateItem(TreeEntry entry, boolean empty) {
            super.updateItem(entry, empty);
            marks.clear();
            setGraphic(null);
            setText(null);
            setTooltip(null);
            if (!empty && entry != null) {
                renderer.render(this, entry);
            }
            List<String> current = getStyleClass().stream().filter(s -> s.startsWith("cell-")).toList();
            if (!current.equals(marks)) {
                getStyleClass().removeAll(current);
                getStyleClass().addAll(marks);
            }
        }
    }

    @FunctionalInterface
    private interface CellRenderer {
        void render(EntryCell cell, TreeEntry entry);
    }

    private void renderSource(EntryCell cell, TreeEntry entry) {
        if (entry instanceof TreeEntry.Group group) {
            cell.setText(group.label() + "  ·  " + group.counts().inSource());
            cell.mark(group.level() == TreeEntry.Level.NAMESPACE ? "cell-namespace" : "cell-kind");
        } else if (entry instanceof TreeEntry.Leaf leaf) {
            ObjectRow row = leaf.row();
            if (row.inSource()) {
                cell.setText(row.key().name());
            } else {
                cell.setText("(new) " + row.key().name());
                cell.mark("cell-absent");
            }
        }
    }

    private void renderProposed(EntryCell cell, TreeEntry entry) {
        if (entry instanceof TreeEntry.Group group) {
            cell.setText(group.label() + "  ·  " + group.counts().inProposed());
            cell.mark(group.level() == TreeEntry.Level.NAMESPACE ? "cell-namespace" : "cell-kind");
        } else if (entry instanceof TreeEntry.Leaf leaf) {
            ObjectRow row = leaf.row();
            if (row.inProposed()) {
                cell.setText(row.key().name());
            } else if (row.excluded()) {
                cell.setText("excluded: " + row.excludedReason());
                cell.setTooltip(new Tooltip(row.excludedReason()));
                cell.mark("cell-absent");
            } else {
                cell.setText(row.status() == ObjectStatus.DROPPED ? "(dropped)" : "(not carried)");
                cell.mark("cell-absent");
            }
        }
    }

    private void renderEdges(EntryCell cell, TreeEntry entry) {
        if (entry instanceof TreeEntry.Leaf leaf && !leaf.row().edges().isEmpty()) {
            HBox badges = new HBox(3);
            badges.setAlignment(Pos.CENTER_LEFT);
            for (Edge edge : leaf.row().edges().stream().sorted().toList()) {
                badges.getChildren().add(Badges.edge(edge));
            }
            cell.setGraphic(badges);
        }
    }

    private void renderStatus(EntryCell cell, TreeEntry entry) {
        if (entry instanceof TreeEntry.Group group) {
            cell.setText(group.counts().changed() == 0 ? "" : group.counts().changed() + " changed");
            cell.mark("cell-count");
        } else if (entry instanceof TreeEntry.Leaf leaf) {
            cell.setText(leaf.row().status().label());
            cell.mark("cell-" + Badges.textClass(leaf.row().status()));
        }
    }

    private void renderApproval(EntryCell cell, TreeEntry entry) {
        if (entry instanceof TreeEntry.Group group) {
            int needs = group.counts().needsMe();
            cell.setText(needs == 0 ? "✓ done" : needs + " to do");
            cell.mark(needs == 0 ? "cell-done" : "cell-needs");
        } else if (entry instanceof TreeEntry.Leaf leaf) {
            ObjectRow row = leaf.row();
            cell.setText(row.approval() == Approval.NONE ? "—" : row.approval().label());
            cell.mark("cell-" + Badges.textClass(row.approval()));
        }
    }

    /** A tree item that creates its children the first time they are asked for, and records its expansion. */
    private final class EntryItem extends TreeItem<TreeEntry> {
        private boolean loaded;

        EntryItem(TreeEntry entry) {
            super(entry);
            if (entry instanceof TreeEntry.Group group && group.level() != TreeEntry.Level.ROOT) {
                expandedProperty().addListener((obs, old, now) -> {
                    if (syncing) {
                        return; // opened by a filter that shows few objects, not by the user
                    }
                    if (now) {
                        expanded.add(group.path());
                    } else {
                        expanded.remove(group.path());
                    }
                });
            }
        }

        @Override
        public boolean isLeaf() {
            return getValue() instanceof TreeEntry.Leaf;
        }

        @Override
        public ObservableList<TreeItem<TreeEntry>> getChildren() {
            if (!loaded) {
                loaded = true;
                if (getValue() instanceof TreeEntry.Group group) {
                    TreeItem<?>[] items = new TreeItem<?>[group.children().size()];
                    for (int i = 0; i < items.length; i++) {
                        items[i] = new EntryItem(group.children().get(i));
                    }
                    @SuppressWarnings("unchecked")
                    TreeItem<TreeEntry>[] typed = (TreeItem<TreeEntry>[]) items;
                    super.getChildren().setAll(typed);
                }
            }
            return super.getChildren();
        }
    }
}
