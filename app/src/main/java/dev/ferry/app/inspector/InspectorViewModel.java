package dev.ferry.app.inspector;

import dev.ferry.app.review.ObjectRow;
import dev.ferry.app.review.ReviewActions;
import dev.ferry.app.review.ReviewSnapshot;
import dev.ferry.app.state.WorkbenchContext;
import dev.ferry.app.state.WorkbenchState;
import dev.ferry.engine.Edge;
import dev.ferry.model.ResourceKey;
import dev.ferry.plan.review.ApproveCommand;
import dev.ferry.plan.review.ChangeSelection;
import dev.ferry.plan.review.RejectCommand;
import dev.ferry.plan.review.ReviewCommand;
import dev.ferry.plan.review.ReviewedChange;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The change inspector: the selected object's changes with their review state, and the decisions a reviewer makes
 * on them. Every decision is an {@link ApproveCommand} or {@link RejectCommand} executed through the session off
 * the FX thread; bulk decisions first publish a {@link Confirmation} with the count, which the view asks about.
 */
public final class InspectorViewModel {

    private final WorkbenchContext context;
    private final WorkbenchState state;
    private final ReviewActions actions;
    private final Consumer<ReviewCommand> executor;

    private final ReadOnlyObjectWrapper<ResourceKey> object = new ReadOnlyObjectWrapper<>(this, "object");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper subtitle = new ReadOnlyStringWrapper(this, "subtitle", "");
    private final ObservableList<ReviewedChange> changes = FXCollections.observableArrayList();
    private final ObservableList<Edge> edges = FXCollections.observableArrayList();
    // One read-only view each: views listen to them, and a wrapper made per call would drop its listeners.
    private final ObservableList<ReviewedChange> changesView = FXCollections.unmodifiableObservableList(changes);
    private final ObservableList<Edge> edgesView = FXCollections.unmodifiableObservableList(edges);
    private final ReadOnlyBooleanWrapper decidable = new ReadOnlyBooleanWrapper(this, "decidable", false);
    private final ReadOnlyObjectWrapper<Confirmation> confirmation = new ReadOnlyObjectWrapper<>(this, "confirmation");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo", false);
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo", false);
    private final ReadOnlyStringWrapper undoText = new ReadOnlyStringWrapper(this, "undoText", "Undo");
    private final ReadOnlyStringWrapper redoText = new ReadOnlyStringWrapper(this, "redoText", "Redo");
    private final StringProperty comment = new SimpleStringProperty(this, "comment", "");

    public InspectorViewModel(WorkbenchContext context, ReviewActions actions) {
        this.context = context;
        this.state = context.state();
        this.actions = actions;
        this.executor = command -> actions.execute(command, s -> comment.set(""));
        state.selectionProperty().addListener(o -> refresh());
        state.reviewProperty().addListener(o -> refresh());
        refresh();
    }

    private void refresh() {
        ReviewSnapshot review = state.review();
        ResourceKey key = state.selection();
        canUndo.set(review != null && review.undoDescription().isPresent());
        canRedo.set(review != null && review.redoDescription().isPresent());
        undoText.set(review == null ? "Undo" : review.undoDescription().map(d -> "Undo " + d).orElse("Undo"));
        redoText.set(review == null ? "Redo" : review.redoDescription().map(d -> "Redo " + d).orElse("Redo"));
        if (review == null || key == null || review.row(key).isEmpty()) {
            object.set(null);
            title.set("");
            subtitle.set(review == null ? "" : "Select an object in the tree to see its changes.");
            changes.clear();
            edges.clear();
            decidable.set(false);
            return;
        }
        ObjectRow row = review.row(key).orElseThrow();
        object.set(key);
        title.set(key.kind() + " " + key.name());
        List<ReviewedChange> list = review.changesFor(key);
        String where = key.namespace().isEmpty() ? "no namespace" : "namespace " + key.namespace();
        String counts = list.isEmpty() ? "no changes: carried as it is"
                : list.size() + (list.size() == 1 ? " change" : " changes") + ", " + row.pending() + " to decide";
        subtitle.set(where + " · " + row.status().label() + " · " + counts
                + (row.excluded() ? " · excluded: " + row.excludedReason() : ""));
        changes.setAll(list);
        edges.setAll(row.edges().stream().sorted().toList());
        decidable.set(!list.isEmpty());
    }

    private String reviewer() {
        return context.preferences().reviewerName();
    }

    /** Approves every change of the selected object (A or Ctrl+Enter). */
    public void approveObject() {
        ResourceKey key = object.get();
        if (key != null && decidable.get()) {
            executor.accept(new ApproveCommand(ChangeSelection.resource(key), reviewer(), comment.get()));
        }
    }

    /** Rejects every change of the selected object (R). */
    public void rejectObject() {
        ResourceKey key = object.get();
        if (key != null && decidable.get()) {
            executor.accept(new RejectCommand(ChangeSelection.resource(key), reviewer(), comment.get()));
        }
    }

    public void approveChange(String changeId) {
        executor.accept(new ApproveCommand(ChangeSelection.ids(List.of(changeId)), reviewer(), comment.get()));
    }

    public void rejectChange(String changeId) {
        executor.accept(new RejectCommand(ChangeSelection.ids(List.of(changeId)), reviewer(), comment.get()));
    }

    /** Asks to approve every change of {@code edge} in the review; publishes the confirmation with the count. */
    public void requestApproveEdge(Edge edge) {
        ChangeSelection selection = ChangeSelection.edge(edge);
        ask(selection, "Approve every " + edge.id() + " change", "the " + edge.id() + " edge");
    }

    /** Asks to approve every change of the review that is not approved yet. */
    public void requestApproveAll() {
        ask(ChangeSelection.all(), "Approve every change", "the whole review");
    }

    /** Asks to approve every change in the selected object's namespace. */
    public void requestApproveNamespace() {
        ResourceKey key = object.get();
        if (key == null) {
            return;
        }
        String label = key.namespace().isEmpty() ? "cluster-scoped objects" : "namespace " + key.namespace();
        ask(ChangeSelection.namespace(key.namespace()), "Approve every change in " + label, label);
    }

    private void ask(ChangeSelection selection, String title, String scope) {
        ReviewSnapshot review = state.review();
        if (review == null) {
            return;
        }
        String by = reviewer();
        String note = comment.get();
        context.runner().run("Counting changes of " + scope, progress -> review.session().count(selection),
                count -> confirmation.set(new Confirmation(title,
                        String.format(Locale.ROOT, "Approve %,d %s of %s as %s?%s", count,
                                count == 1 ? "change" : "changes", scope, by,
                                count == 0 ? "" : " Changes already approved keep their approval."),
                        count, new ApproveCommand(selection, by, note))),
                failure -> context.errors().unexpected("Counting changes of " + scope, failure));
    }

    /** The user said yes to the pending confirmation. */
    public void confirm() {
        Confirmation pending = confirmation.get();
        confirmation.set(null);
        if (pending != null && pending.count() > 0) {
            executor.accept(pending.command());
        }
    }

    /** The user said no. */
    public void dismissConfirmation() {
        confirmation.set(null);
    }

    public void undo() {
        if (canUndo.get()) {
            actions.undo();
        }
    }

    public void redo() {
        if (canRedo.get()) {
            actions.redo();
        }
    }

    public ReadOnlyObjectProperty<ResourceKey> objectProperty() {
        return object.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty subtitleProperty() {
        return subtitle.getReadOnlyProperty();
    }

    /** The selected object's changes, in rule order. */
    public ObservableList<ReviewedChange> changes() {
        return changesView;
    }

    /** The edges that touch the selected object, for "approve every change of this edge". */
    public ObservableList<Edge> edges() {
        return edgesView;
    }

    /** True when the selected object has changes to decide on. */
    public ReadOnlyBooleanProperty decidableProperty() {
        return decidable.getReadOnlyProperty();
    }

    /** A bulk action waiting for the user's yes or no; null when none. */
    public ReadOnlyObjectProperty<Confirmation> confirmationProperty() {
        return confirmation.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty undoTextProperty() {
        return undoText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty redoTextProperty() {
        return redoText.getReadOnlyProperty();
    }

    /** The comment recorded with the next decision. */
    public StringProperty commentProperty() {
        return comment;
    }
}
