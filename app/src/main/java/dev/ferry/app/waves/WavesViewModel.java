package dev.ferry.app.waves;

import dev.ferry.app.state.WorkbenchContext;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The waves panel: the review's waves with counts and blocked reasons, and the cluster actions on a wave. Cluster
 * actions need a connected target; until one is connected they are disabled and say why.
 */
public final class WavesViewModel {

    private final ReadOnlyBooleanWrapper clusterActionsEnabled = new ReadOnlyBooleanWrapper(this, "clusterActions");
    private final ReadOnlyStringWrapper clusterActionsReason = new ReadOnlyStringWrapper(this, "reason");
    private final ReadOnlyStringWrapper placeholder = new ReadOnlyStringWrapper(this, "placeholder",
            "Wave planning is not part of this build yet.");

    public WavesViewModel(WorkbenchContext context) {
        clusterActionsEnabled.bind(Bindings.isNotNull(context.state().targetProperty()));
        clusterActionsReason.bind(Bindings.when(clusterActionsEnabled)
                .then("").otherwise("No target is connected: connect a target cluster to dry-run, apply or roll back."));
    }

    public ReadOnlyBooleanProperty clusterActionsEnabledProperty() {
        return clusterActionsEnabled.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty clusterActionsReasonProperty() {
        return clusterActionsReason.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty placeholderProperty() {
        return placeholder.getReadOnlyProperty();
    }
}
