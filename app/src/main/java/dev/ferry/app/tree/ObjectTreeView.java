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
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (!syncing && now != null && now.getValue() instanceof TreeEntry.Leaf leaf) {
                model.select(leaf.row().key());
            }
        });
        model.selectionProperty().addListener((obs, old, now) -> reveal(now));
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
            table.getSelectionModel().select(item);
            int row = table.getRow(item);
            if (row >= 0) {
                table.scrollTo(Math.max(0, row - 3));
            }
        } finally {
            syncing = false;
        }
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
        column.setCellFactory(c -> new TreeTableCell<>() {
            @Override
            protected void updateItem(TreeEntry entry, boolean empty) {
                super.updateItem(entry, empty);
                getStyleClass().removeIf(s -> s.startsWith("cell-"));
                setGraphic(null);
                setText(null);
                setTooltip(null);
                if (!empty && entry != null) {
                    renderer.render(this, entry);
                }
            }
        });
        return column;
    }

    @FunctionalInterface
    private interface CellRenderer {
        void render(TreeTableCell<TreeEntry, TreeEntry> cell, TreeEntry entry);
    }

    private void renderSource(TreeTableCell<TreeEntry, TreeEntry> cell, TreeEntry entry) {
        if (entry instanceof TreeEntry.Group group) {
            cell.setText(group.label() + "  ·  " + group.counts().inSource());
            cell.getStyleClass().add(group.level() == TreeEntry.Level.NAMESPACE ? "cell-namespace" : "cell-kind");
        } else if (entry instanceof TreeEntry.Leaf leaf) {
            ObjectRow row = leaf.row();
            if (row.inSource()) {
                cell.setText(row.key().name());
            } else {
                cell.setText("(new) " + row.key().name());
                cell.getStyleClass().add("cell-absent");
            }
        }
    }

    private void renderProposed(TreeTableCell<TreeEntry, TreeEntry> cell, TreeEntry entry) {
        if (entry instanceof TreeEntry.Group group) {
            cell.setText(group.label() + "  ·  " + group.counts().inProposed());
            cell.getStyleClass().add(group.level() == TreeEntry.Level.NAMESPACE ? "cell-namespace" : "cell-kind");
        } else if (entry instanceof TreeEntry.Leaf leaf) {
            ObjectRow row = leaf.row();
            if (row.inProposed()) {
                cell.setText(row.key().name());
            } else if (row.excluded()) {
                cell.setText("excluded: " + row.excludedReason());
                cell.setTooltip(new Tooltip(row.excludedReason()));
                cell.getStyleClass().add("cell-absent");
            } else {
                cell.setText(row.status() == ObjectStatus.DROPPED ? "(dropped)" : "(not carried)");
                cell.getStyleClass().add("cell-absent");
            }
        }
    }

    private void renderEdges(TreeTableCell<TreeEntry, TreeEntry> cell, TreeEntry entry) {
        if (entry instanceof TreeEntry.Leaf leaf && !leaf.row().edges().isEmpty()) {
            HBox badges = new HBox(3);
            badges.setAlignment(Pos.CENTER_LEFT);
            for (Edge edge : leaf.row().edges().stream().sorted().toList()) {
                badges.getChildren().add(Badges.edge(edge));
            }
            cell.setGraphic(badges);
        }
    }

    private void renderStatus(TreeTableCell<TreeEntry, TreeEntry> cell, TreeEntry entry) {
        if (entry instanceof TreeEntry.Group group) {
            cell.setText(group.counts().changed() == 0 ? "" : group.counts().changed() + " changed");
            cell.getStyleClass().add("cell-count");
        } else if (entry instanceof TreeEntry.Leaf leaf) {
            cell.setText(leaf.row().status().label());
            cell.getStyleClass().add("cell-" + Badges.textClass(leaf.row().status()));
        }
    }

    private void renderApproval(TreeTableCell<TreeEntry, TreeEntry> cell, TreeEntry entry) {
        if (entry instanceof TreeEntry.Group group) {
            int needs = group.counts().needsMe();
            cell.setText(needs == 0 ? "✓ done" : needs + " to do");
            cell.getStyleClass().add(needs == 0 ? "cell-done" : "cell-needs");
        } else if (entry instanceof TreeEntry.Leaf leaf) {
            ObjectRow row = leaf.row();
            cell.setText(row.approval() == Approval.NONE ? "—" : row.approval().label());
            cell.getStyleClass().add("cell-" + Badges.textClass(row.approval()));
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
