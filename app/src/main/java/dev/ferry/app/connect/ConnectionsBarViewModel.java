package dev.ferry.app.connect;

import dev.ferry.app.review.ReviewSnapshot;
import dev.ferry.app.state.WorkbenchState;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The connections bar: what the source and target point at, the direction, and warnings about the target (it looks
 * like production, or it is the source's own API server).
 */
public final class ConnectionsBarViewModel {

    private final WorkbenchState state;
    private final ReadOnlyStringWrapper sourceTitle = new ReadOnlyStringWrapper(this, "sourceTitle");
    private final ReadOnlyStringWrapper sourceDetail = new ReadOnlyStringWrapper(this, "sourceDetail");
    private final ReadOnlyStringWrapper targetTitle = new ReadOnlyStringWrapper(this, "targetTitle");
    private final ReadOnlyStringWrapper targetDetail = new ReadOnlyStringWrapper(this, "targetDetail");
    private final ReadOnlyStringWrapper direction = new ReadOnlyStringWrapper(this, "direction");
    private final ReadOnlyStringWrapper targetWarning = new ReadOnlyStringWrapper(this, "targetWarning", "");
    private final ReadOnlyBooleanWrapper targetConnected = new ReadOnlyBooleanWrapper(this, "targetConnected");

    public ConnectionsBarViewModel(WorkbenchState state) {
        this.state = state;
        state.sourceProperty().addListener(o -> refresh());
        state.targetProperty().addListener(o -> refresh());
        state.reviewProperty().addListener(o -> refresh());
        refresh();
    }

    private void refresh() {
        ClusterConnection source = state.sourceProperty().get();
        ClusterConnection target = state.targetProperty().get();
        ReviewSnapshot review = state.review();
        sourceTitle.set(source == null ? "Source: not connected" : "Source: " + source.context());
        sourceDetail.set(source == null
                ? (review == null ? "" : "reviewing the bundle " + review.name() + " offline")
                : detail(source));
        targetTitle.set(target == null ? "Target: not connected" : "Target: " + target.context());
        targetDetail.set(target == null ? "connect a target to dry-run and apply waves" : detail(target));
        targetConnected.set(target != null);
        direction.set(review == null ? "" : review.direction().id().replace("-to-", " → ").toUpperCase(java.util.Locale.ROOT));
        if (target != null && target.sameServerAs(source)) {
            targetWarning.set("The target is the source's own API server (" + target.server() + ")");
        } else if (target != null && target.looksLikeProduction()) {
            targetWarning.set("The target looks like production (" + target.context() + ")");
        } else {
            targetWarning.set("");
        }
    }

    private static String detail(ClusterConnection c) {
        return c.server() + " · user " + c.user() + " · " + c.version().map(v -> "Kubernetes " + v)
                .orElse("version unknown");
    }

    public ReadOnlyStringProperty sourceTitleProperty() {
        return sourceTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sourceDetailProperty() {
        return sourceDetail.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty targetTitleProperty() {
        return targetTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty targetDetailProperty() {
        return targetDetail.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty directionProperty() {
        return direction.getReadOnlyProperty();
    }

    /** Why the target deserves a second look; empty when it does not. */
    public ReadOnlyStringProperty targetWarningProperty() {
        return targetWarning.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty targetConnectedProperty() {
        return targetConnected.getReadOnlyProperty();
    }
}
