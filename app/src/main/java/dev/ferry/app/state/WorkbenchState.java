package dev.ferry.app.state;

import dev.ferry.app.connect.ClusterConnection;
import dev.ferry.app.review.ReviewSnapshot;
import dev.ferry.app.theme.Theme;
import dev.ferry.cluster.apply.SecretValues;
import dev.ferry.cluster.connect.TargetCluster;
import dev.ferry.model.ResourceKey;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The one observable state of the workbench: the open review, the two connections, the selected object, the theme
 * and presentation mode. View models read it and change it through its methods; they never read each other.
 * UI thread only.
 */
public final class WorkbenchState {

    private final ReadOnlyObjectWrapper<ReviewSnapshot> review = new ReadOnlyObjectWrapper<>(this, "review");
    private final ReadOnlyObjectWrapper<ClusterConnection> source = new ReadOnlyObjectWrapper<>(this, "source");
    private final ReadOnlyObjectWrapper<ClusterConnection> target = new ReadOnlyObjectWrapper<>(this, "target");
    private final ReadOnlyObjectWrapper<TargetCluster> targetCluster = new ReadOnlyObjectWrapper<>(this, "cluster");
    private final ReadOnlyObjectWrapper<SecretValues> secretValues = new ReadOnlyObjectWrapper<>(this, "secrets",
            SecretValues.fromEnvironment(System.getenv()));
    private final ReadOnlyObjectWrapper<ResourceKey> selection = new ReadOnlyObjectWrapper<>(this, "selection");
    private final ReadOnlyObjectWrapper<Theme> theme = new ReadOnlyObjectWrapper<>(this, "theme", Theme.LIGHT);
    private final ReadOnlyBooleanWrapper presentation = new ReadOnlyBooleanWrapper(this, "presentation", false);

    /** The open review, or null while the start screen shows. */
    public ReadOnlyObjectProperty<ReviewSnapshot> reviewProperty() {
        return review.getReadOnlyProperty();
    }

    public ReviewSnapshot review() {
        return review.get();
    }

    /**
     * Opens a review, or replaces the open one with a newer snapshot of the same review. The selection survives when
     * the object is still there.
     */
    public void setReview(ReviewSnapshot snapshot) {
        review.set(snapshot);
        ResourceKey selected = selection.get();
        if (selected != null && (snapshot == null || snapshot.row(selected).isEmpty())) {
            selection.set(null);
        }
    }

    public ReadOnlyObjectProperty<ClusterConnection> sourceProperty() {
        return source.getReadOnlyProperty();
    }

    public void setSource(ClusterConnection connection) {
        source.set(connection);
    }

    public ReadOnlyObjectProperty<ClusterConnection> targetProperty() {
        return target.getReadOnlyProperty();
    }

    public void setTarget(ClusterConnection connection) {
        target.set(connection);
    }

    /** The live target: waves are dry-run, applied and rolled back against it. Null while none is connected. */
    public ReadOnlyObjectProperty<TargetCluster> targetClusterProperty() {
        return targetCluster.getReadOnlyProperty();
    }

    /** Where the values of redacted Secrets come from when a wave is applied. */
    public ReadOnlyObjectProperty<SecretValues> secretValuesProperty() {
        return secretValues.getReadOnlyProperty();
    }

    public void setSecretValues(SecretValues values) {
        secretValues.set(values);
    }

    /** Connects the target: what the bar shows and the live handle, together. */
    public void connectTarget(ClusterConnection connection, TargetCluster cluster) {
        targetCluster.set(cluster);
        target.set(connection);
    }

    /** The object the tree selected; the inspector and the diff show it. */
    public ReadOnlyObjectProperty<ResourceKey> selectionProperty() {
        return selection.getReadOnlyProperty();
    }

    public ResourceKey selection() {
        return selection.get();
    }

    public void select(ResourceKey key) {
        selection.set(key);
    }

    public ReadOnlyObjectProperty<Theme> themeProperty() {
        return theme.getReadOnlyProperty();
    }

    public void setTheme(Theme value) {
        theme.set(value);
    }

    public ReadOnlyBooleanProperty presentationProperty() {
        return presentation.getReadOnlyProperty();
    }

    public void setPresentation(boolean on) {
        presentation.set(on);
    }
}
