package dev.ferry.app.diff;

import dev.ferry.app.editor.EditorExecutor;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.DoubleProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The diffs of one selected object: an "All changes" tab (source against the full proposed object, editable when
 * allowed) and one tab per edge that touches the object, showing that edge's change alone. Input is plain data
 * (the shell computes per-edge YAML, e.g. with {@link EdgePreview}). When the selection moves to another object,
 * the same kind of tab stays selected if the new object has it.
 *
 * <p>The tab pane is only the strip of tab headers: both diff views live in one stack below it, and the selected
 * tab decides which is visible. A view moved between tabs' contents would leave the scene and join it again, and
 * JavaFX would then match and apply the style sheets of every node in it anew, on each selection.
 */
public final class EdgeDiffTabs extends BorderPane {

    /** Id of the "All changes" tab in {@link #selectedEdgeId()}. */
    public static final String ALL = "all";

    private final TabPane tabs = new TabPane();
    private final StackPane views = new StackPane();
    private final Label title = new Label();
    private final DiffView allChanges;
    private final DiffView edgeView;
    private String sourceSide = "Source";
    private String proposedSide = "Proposed";
    private String wantedEdge = ALL;
    private boolean rebuilding;
    private String sourceYaml = "";
    private List<EdgeDiff> edges = List.of();

    public EdgeDiffTabs() {
        this(EditorExecutor.shared());
    }

    public EdgeDiffTabs(Executor background) {
        Objects.requireNonNull(background, "background");
        allChanges = new DiffView(new DiffViewModel(), background);
        edgeView = new DiffView(new DiffViewModel(), background);
        edgeView.fontSizeProperty().bind(allChanges.fontSizeProperty());
        tabs.setId("edgeTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        title.setId("diffTitle");
        title.getStyleClass().add("diff-title");
        title.setPadding(new Insets(6, 8, 6, 8));
        tabs.getStyleClass().add("tab-strip");
        edgeView.setVisible(false);
        views.getChildren().addAll(allChanges, edgeView);
        setTop(new VBox(title, tabs));
        setCenter(views);
        getStyleClass().add("edge-diff-tabs");
        getStylesheets().add(Objects.requireNonNull(EdgeDiffTabs.class.getResource("diff-view.css"),
                "diff-view.css").toExternalForm());
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, old, tab) -> {
            if (tab != null && !rebuilding) {
                wantedEdge = (String) tab.getUserData();
                showSelected(tab);
            }
        });
    }

    /** Side headers, e.g. {@code "Source (AKS)"} and {@code "Proposed (EKS)"}. */
    public void setSideTitles(String source, String proposed) {
        this.sourceSide = source;
        this.proposedSide = proposed;
    }

    /**
     * Shows one object.
     *
     * @param objectTitle  e.g. {@code "Ingress shop/storefront"}
     * @param source       the sanitized source YAML ("" for a generated object)
     * @param proposed     the full proposed YAML ("" for a dropped object)
     * @param perEdge      one entry per edge that touches the object, in edge order
     */
    public void show(String objectTitle, String source, String proposed, List<EdgeDiff> perEdge) {
        title.setText(objectTitle);
        sourceYaml = source;
        edges = List.copyOf(perEdge);
        allChanges.show(sourceSide, proposedSide, source, proposed);
        rebuilding = true;
        try {
            int total = perEdge.stream().mapToInt(EdgeDiff::changeCount).sum();
            List<String> ids = new java.util.ArrayList<>();
            List<String> texts = new java.util.ArrayList<>();
            ids.add(ALL);
            texts.add("All changes" + count(total));
            for (EdgeDiff edge : perEdge) {
                ids.add(edge.edgeId());
                texts.add(edge.label() + count(edge.changeCount()));
            }
            if (tabs.getTabs().stream().map(Tab::getUserData).toList().equals(ids)) {
                // the same edges as the object before: relabel the tabs rather than rebuild their headers
                for (int i = 0; i < ids.size(); i++) {
                    tabs.getTabs().get(i).setText(texts.get(i));
                }
            } else {
                tabs.getTabs().clear();
                for (int i = 0; i < ids.size(); i++) {
                    tabs.getTabs().add(tab(texts.get(i), ids.get(i)));
                }
            }
            Tab all = tabs.getTabs().get(0);
            Tab selected = tabs.getTabs().stream().filter(t -> t.getUserData().equals(wantedEdge)).findFirst()
                    .orElse(all);
            tabs.getSelectionModel().select(selected);
            showSelected(selected);
        } finally {
            rebuilding = false;
        }
    }

    /** The selected tab's edge id, {@link #ALL} for "All changes". */
    public Optional<String> selectedEdgeId() {
        Tab tab = tabs.getSelectionModel().getSelectedItem();
        return tab == null ? Optional.empty() : Optional.of((String) tab.getUserData());
    }

    /** Selects the tab of {@code edgeId} (or {@link #ALL}) if the object has it. */
    public boolean selectEdge(String edgeId) {
        return tabs.getTabs().stream().filter(t -> t.getUserData().equals(edgeId)).findFirst()
                .map(tab -> {
                    tabs.getSelectionModel().select(tab);
                    return true;
                }).orElse(false);
    }

    /** Whether the full proposed object may be edited in the "All changes" tab. */
    public void setEditable(boolean editable) {
        allChanges.setEditable(editable);
    }

    /** Receives a saved edit of the full proposed object. */
    public void setOnEdit(Consumer<String> onEdit) {
        allChanges.setOnEdit(onEdit);
    }

    /** True while the "All changes" tab holds an unsaved edit; ask the user before showing another object. */
    public javafx.beans.property.ReadOnlyBooleanProperty unsavedEditProperty() {
        return allChanges.unsavedEditProperty();
    }

    /** Font size of every editor; the shell binds it for presentation mode. */
    public DoubleProperty fontSizeProperty() {
        return allChanges.fontSizeProperty();
    }

    public DiffView allChangesView() {
        return allChanges;
    }

    public DiffView edgeView() {
        return edgeView;
    }

    public TabPane tabPane() {
        return tabs;
    }

    private void showSelected(Tab tab) {
        String edgeId = (String) tab.getUserData();
        if (ALL.equals(edgeId)) {
            reveal(allChanges, edgeView);
            return;
        }
        edges.stream().filter(e -> e.edgeId().equals(edgeId)).findFirst().ifPresent(edge -> {
            edgeView.show(sourceSide, edge.label() + " only", sourceYaml, edge.yamlAfterThisEdgeOnly());
            reveal(edgeView, allChanges);
        });
    }

    /**
     * Shows one view and hides the other. The shown one goes first among the stack's children (a move that keeps
     * it in the scene), so a lookup by id, as in the tests, finds the editor the user sees.
     */
    private static void reveal(DiffView shown, DiffView hidden) {
        hidden.setVisible(false);
        shown.setVisible(true);
        shown.toBack();
    }

    private static Tab tab(String text, String edgeId) {
        Tab tab = new Tab(text);
        tab.setUserData(edgeId);
        tab.setId("edgeTab-" + edgeId);
        return tab;
    }

    private static String count(int changes) {
        return changes > 0 ? " (" + changes + ")" : "";
    }
}
