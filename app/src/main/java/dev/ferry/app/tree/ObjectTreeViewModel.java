package dev.ferry.app.tree;

import dev.ferry.app.review.Approval;
import dev.ferry.app.review.ObjectRow;
import dev.ferry.app.review.ReviewSnapshot;
import dev.ferry.app.error.ErrorReporter;
import dev.ferry.app.state.WorkbenchContext;
import dev.ferry.app.state.WorkbenchState;
import dev.ferry.app.task.TaskHandle;
import dev.ferry.app.task.TaskRunner;
import dev.ferry.engine.Edge;
import dev.ferry.engine.run.ObjectStatus;
import dev.ferry.model.ResourceKey;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The side-by-side tree's state: the filter inputs, the filtered {@link TreeModel} (rebuilt off the FX thread from
 * the snapshot's flat index whenever the review or a filter changes), and navigation commands that move the
 * workbench selection.
 */
public final class ObjectTreeViewModel {

    private final WorkbenchState state;
    private final TaskRunner runner;
    private final ErrorReporter errors;

    private final ObjectProperty<Edge> edge = new SimpleObjectProperty<>(this, "edge");
    private final ObjectProperty<ObjectStatus> status = new SimpleObjectProperty<>(this, "status");
    private final ObjectProperty<Approval> approval = new SimpleObjectProperty<>(this, "approval");
    private final ObjectProperty<String> namespace = new SimpleObjectProperty<>(this, "namespace");
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final BooleanProperty needsMeOnly = new SimpleBooleanProperty(this, "needsMeOnly", false);
    private final BooleanProperty showExcluded = new SimpleBooleanProperty(this, "showExcluded", false);

    private final ReadOnlyObjectWrapper<TreeModel> tree = new ReadOnlyObjectWrapper<>(this, "tree", TreeModel.EMPTY);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ObservableList<String> namespaces = FXCollections.observableArrayList();
    private final ObservableList<Edge> edges = FXCollections.observableArrayList();
    // One read-only view each: views listen to them, and a wrapper made per call would drop its listeners.
    private final ObservableList<String> namespacesView = FXCollections.unmodifiableObservableList(namespaces);
    private final ObservableList<Edge> edgesView = FXCollections.unmodifiableObservableList(edges);

    private long generation;
    private TaskHandle pending;

    public ObjectTreeViewModel(WorkbenchContext context) {
        this.state = context.state();
        this.runner = context.runner();
        this.errors = context.errors();
        state.reviewProperty().addListener((obs, old, now) -> reviewChanged(old, now));
        for (Observable input : List.of(edge, status, approval, namespace, text, needsMeOnly, showExcluded)) {
            input.addListener(o -> refilter());
        }
        if (state.review() != null) {
            reviewChanged(null, state.review());
        }
    }

    private void reviewChanged(ReviewSnapshot old, ReviewSnapshot now) {
        if (now == null) {
            namespaces.clear();
            edges.clear();
        } else if (old == null || !old.location().equals(now.location())) {
            Set<String> names = new LinkedHashSet<>();
            Set<Edge> seen = new java.util.TreeSet<>();
            for (ObjectRow row : now.rows()) {
                names.add(row.namespaceLabel());
                seen.addAll(row.edges());
            }
            namespaces.setAll(names);
            edges.setAll(seen);
        }
        refilter();
    }

    /** The current filter, as one value. */
    public TreeFilter filter() {
        return new TreeFilter(edge.get(), status.get(), approval.get(), namespace.get(), text.get(),
                needsMeOnly.get(), showExcluded.get());
    }

    private void refilter() {
        ReviewSnapshot snapshot = state.review();
        long mine = ++generation;
        if (pending != null) {
            pending.cancel();
        }
        if (snapshot == null) {
            publish(TreeModel.EMPTY, TreeFilter.NONE);
            return;
        }
        TreeFilter filter = filter();
        List<ObjectRow> rows = snapshot.rows();
        pending = runner.run("Filtering " + rows.size() + " objects", progress -> TreeModel.build(rows, filter),
                model -> {
                    if (mine == generation) {
                        publish(model, filter);
                    }
                },
                failure -> errors.unexpected("Filtering the tree", failure));
    }

    private void publish(TreeModel model, TreeFilter filter) {
        tree.set(model);
        int shown = model.visible().size();
        int needs = model.root().counts().needsMe();
        if (model.total() == 0) {
            summary.set("");
        } else if (filter.narrows()) {
            summary.set(String.format(Locale.ROOT, "%,d of %,d objects · %,d need you", shown, model.total(), needs));
        } else {
            summary.set(String.format(Locale.ROOT, "%,d objects · %,d need you", shown, needs));
        }
    }

    public ReadOnlyObjectProperty<TreeModel> treeProperty() {
        return tree.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The namespaces of the open review, for the namespace filter. */
    public ObservableList<String> namespaces() {
        return namespacesView;
    }

    /** The edges that occur in the open review, for the edge filter. */
    public ObservableList<Edge> edges() {
        return edgesView;
    }

    public ObjectProperty<Edge> edgeProperty() {
        return edge;
    }

    public ObjectProperty<ObjectStatus> statusProperty() {
        return status;
    }

    public ObjectProperty<Approval> approvalProperty() {
        return approval;
    }

    public ObjectProperty<String> namespaceProperty() {
        return namespace;
    }

    public StringProperty textProperty() {
        return text;
    }

    public BooleanProperty needsMeOnlyProperty() {
        return needsMeOnly;
    }

    public BooleanProperty showExcludedProperty() {
        return showExcluded;
    }

    public ReadOnlyObjectProperty<ResourceKey> selectionProperty() {
        return state.selectionProperty();
    }

    /** "Show only what needs me": one key toggles it. */
    public void toggleNeedsMe() {
        needsMeOnly.set(!needsMeOnly.get());
    }

    public void clearFilters() {
        edge.set(null);
        status.set(null);
        approval.set(null);
        namespace.set(null);
        text.set("");
        needsMeOnly.set(false);
    }

    public void select(ResourceKey key) {
        state.select(key);
    }

    /** Selects the next visible object that needs a decision (wrapping around); false when none does. */
    public boolean selectNextChange() {
        return step(1).map(this::selectAndTrue).orElse(false);
    }

    /** Selects the previous visible object that needs a decision (wrapping around); false when none does. */
    public boolean selectPreviousChange() {
        return step(-1).map(this::selectAndTrue).orElse(false);
    }

    private boolean selectAndTrue(ResourceKey key) {
        state.select(key);
        return true;
    }

    private Optional<ResourceKey> step(int direction) {
        List<ObjectRow> visible = tree.get().visible();
        if (visible.isEmpty()) {
            return Optional.empty();
        }
        int current = indexOf(visible, state.selection());
        for (boolean needsMe : new boolean[] {true, false}) {
            List<Integer> order = new ArrayList<>(visible.size());
            int start = current < 0 ? (direction > 0 ? -1 : visible.size()) : current;
            for (int n = 1; n <= visible.size(); n++) {
                order.add(Math.floorMod(start + direction * n, visible.size()));
            }
            for (int index : order) {
                ObjectRow row = visible.get(index);
                if (needsMe ? row.needsMe() : row.changes() > 0) {
                    if (index != current || visible.size() == 1) {
                        return Optional.of(row.key());
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static int indexOf(List<ObjectRow> rows, ResourceKey key) {
        if (key == null) {
            return -1;
        }
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }
}
