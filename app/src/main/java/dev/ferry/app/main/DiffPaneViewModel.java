package dev.ferry.app.main;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.app.diff.EdgeDiff;
import dev.ferry.app.diff.EdgePreview;
import dev.ferry.app.diff.SecretMask;
import dev.ferry.app.review.ReviewActions;
import dev.ferry.app.review.ReviewSnapshot;
import dev.ferry.app.state.WorkbenchContext;
import dev.ferry.app.state.WorkbenchState;
import dev.ferry.app.task.TaskHandle;
import dev.ferry.engine.Change;
import dev.ferry.model.KubeObject;
import dev.ferry.model.ResourceKey;
import dev.ferry.model.io.Yaml;
import dev.ferry.plan.review.EditObjectCommand;
import dev.ferry.plan.review.ReviewedChange;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * Feeds the per-edge diff tabs: for the selected object, the source and proposed YAML and what each edge alone
 * does, computed off the FX thread; a saved edit of the proposed object becomes an {@link EditObjectCommand}.
 */
public final class DiffPaneViewModel {

    /**
     * What the diff shows for one object.
     *
     * @param key      the object
     * @param title    "Ingress shop/storefront"
     * @param source   sanitized source YAML, "" for a generated object
     * @param proposed proposed YAML, "" for a dropped or excluded object
     * @param perEdge  one entry per edge that alters it
     * @param editable false for Secrets and objects that do not reach the target
     */
    public record DiffContent(ResourceKey key, String title, String source, String proposed, List<EdgeDiff> perEdge,
                              boolean editable) {
    }

    private final WorkbenchContext context;
    private final WorkbenchState state;
    private final ReviewActions actions;
    private final ReadOnlyObjectWrapper<DiffContent> content = new ReadOnlyObjectWrapper<>(this, "content");
    private long generation;
    private TaskHandle pending;

    public DiffPaneViewModel(WorkbenchContext context, ReviewActions actions) {
        this.context = context;
        this.state = context.state();
        this.actions = actions;
        state.selectionProperty().addListener(o -> refresh());
        state.reviewProperty().addListener(o -> refresh());
    }

    private void refresh() {
        ReviewSnapshot review = state.review();
        ResourceKey key = state.selection();
        long mine = ++generation;
        if (pending != null) {
            pending.cancel();
        }
        if (review == null || key == null || review.row(key).isEmpty()) {
            content.set(null);
            return;
        }
        pending = context.runner().run("Showing " + key, progress -> compute(review, key), result -> {
            if (mine == generation) {
                content.set(result);
            }
        }, failure -> context.errors().unexpected("Showing the diff of " + key, failure));
    }

    static DiffContent compute(ReviewSnapshot review, ResourceKey key) throws Exception {
        ObjectNode source = review.source(key).map(KubeObject::body).orElse(null);
        String sourceYaml = source == null ? "" : SecretMask.redact(Yaml.write(source));
        String proposedYaml = review.proposed(key).map(o -> SecretMask.redact(Yaml.write(o.body()))).orElse("");
        List<Change> changes = review.changesFor(key).stream().map(ReviewedChange::change).toList();
        List<EdgeDiff> perEdge = EdgePreview.perEdge(source, changes).stream()
                .map(e -> new EdgeDiff(e.edgeId(), e.label(), SecretMask.redact(e.yamlAfterThisEdgeOnly()),
                        e.changeCount()))
                .toList();
        boolean editable = !proposedYaml.isEmpty() && !"Secret".equals(key.kind());
        String title = key.kind() + " " + (key.namespace().isEmpty() ? "" : key.namespace() + "/") + key.name();
        return new DiffContent(key, title, sourceYaml, proposedYaml, perEdge, editable);
    }

    /**
     * Records a saved edit of the proposed object as the object's manual change (undoable). The diff view has
     * validated the YAML and the object's shape as the user typed.
     */
    public void saveEdit(String yaml) {
        DiffContent shown = content.get();
        if (shown == null) {
            return;
        }
        JsonNode tree;
        try {
            tree = Yaml.yaml().readTree(yaml);
        } catch (java.io.IOException e) {
            context.errors().notify("Cannot save the edit of " + shown.key(), "The YAML does not parse: "
                    + e.getMessage().lines().findFirst().orElse(""));
            return;
        }
        if (!(tree instanceof ObjectNode body)) {
            context.errors().notify("Cannot save the edit of " + shown.key(), "The edit is not one object.");
            return;
        }
        actions.execute(new EditObjectCommand(shown.key(), body, context.preferences().reviewerName()), s -> { });
    }

    /** What the diff shows now; null when no object is selected. */
    public ReadOnlyObjectProperty<DiffContent> contentProperty() {
        return content.getReadOnlyProperty();
    }
}
