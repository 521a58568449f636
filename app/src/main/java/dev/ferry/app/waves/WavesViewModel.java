package dev.ferry.app.waves;

import dev.ferry.app.review.ReviewActions;
import dev.ferry.app.review.ReviewSnapshot;
import dev.ferry.app.state.WorkbenchContext;
import dev.ferry.app.state.WorkbenchState;
import dev.ferry.model.ResourceKey;
import dev.ferry.plan.review.MoveToWaveCommand;
import dev.ferry.plan.review.PlanWavesCommand;
import dev.ferry.plan.review.RenameWaveCommand;
import dev.ferry.plan.waves.Wave;
import dev.ferry.plan.waves.WaveBlocker;
import dev.ferry.plan.waves.WavePlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The waves panel: the review's waves with their counts and blocked reasons (from the session's plan and
 * blockers), moving the selected object to a wave, renaming a wave, planning waves when there are none. Cluster
 * actions need a connected target; until one is connected they are disabled and say why.
 */
public final class WavesViewModel {

    private final WorkbenchContext context;
    private final WorkbenchState state;
    private final ReviewActions actions;
    private final ObservableList<WaveRow> waves = FXCollections.observableArrayList();
    private final ObservableList<WaveRow> wavesView = FXCollections.unmodifiableObservableList(waves);
    private final ObservableList<WaveBlocker> blockers = FXCollections.observableArrayList();
    private final ObservableList<WaveBlocker> blockersView = FXCollections.unmodifiableObservableList(blockers);
    private final ObjectProperty<WaveRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyBooleanWrapper planned = new ReadOnlyBooleanWrapper(this, "planned", false);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper selectionWave = new ReadOnlyStringWrapper(this, "selectionWave", "");
    private final ReadOnlyBooleanWrapper clusterActionsEnabled = new ReadOnlyBooleanWrapper(this, "clusterActions");
    private final ReadOnlyStringWrapper clusterActionsReason = new ReadOnlyStringWrapper(this, "reason");

    public WavesViewModel(WorkbenchContext context, ReviewActions actions) {
        this.context = context;
        this.state = context.state();
        this.actions = actions;
        clusterActionsEnabled.bind(Bindings.isNotNull(state.targetProperty()));
        clusterActionsReason.bind(Bindings.when(clusterActionsEnabled)
                .then("").otherwise("No target is connected: connect a target cluster to dry-run, apply or roll back."));
        state.reviewProperty().addListener(o -> refresh());
        state.selectionProperty().addListener(o -> refreshSelection());
        selected.addListener((obs, old, now) -> blockers.setAll(now == null ? List.of() : now.blockers()));
        refresh();
    }

    private void refresh() {
        ReviewSnapshot review = state.review();
        Optional<WavePlan> plan = review == null ? Optional.empty() : review.plan();
        planned.set(plan.isPresent());
        int previous = selected.get() == null ? -1 : selected.get().number();
        List<WaveRow> rows = new ArrayList<>();
        if (plan.isPresent()) {
            for (Wave wave : plan.get().waves()) {
                rows.add(new WaveRow(wave, review.blockers().stream().filter(b -> b.wave() == wave.number()).toList()));
            }
        }
        waves.setAll(rows);
        selected.set(previous >= 0 && previous < rows.size() ? rows.get(previous) : rows.isEmpty() ? null : rows.get(0));
        long blocked = rows.stream().filter(WaveRow::blocked).count();
        summary.set(review == null ? "" : plan.isEmpty()
                ? "No waves yet. Plan them to cut the estate into platform, stateless and stateful waves."
                : String.format(Locale.ROOT, "%d waves · %d ready · %d blocked", rows.size(), rows.size() - blocked,
                        blocked));
        refreshSelection();
    }

    private void refreshSelection() {
        ReviewSnapshot review = state.review();
        ResourceKey key = state.selection();
        if (review == null || key == null || review.plan().isEmpty()) {
            selectionWave.set("");
            return;
        }
        OptionalInt wave = review.plan().get().waveOf(key);
        selectionWave.set(wave.isPresent() ? key.name() + " is in wave " + wave.getAsInt()
                : key.name() + " is in no wave");
    }

    private String reviewer() {
        return context.preferences().reviewerName();
    }

    /** Cuts the estate into waves automatically (undoable). */
    public void planWaves() {
        actions.execute(new PlanWavesCommand(reviewer()), s -> { });
    }

    /** Moves the object selected in the tree to {@code wave} (the next number creates a new wave). */
    public void moveSelectionTo(int wave) {
        ResourceKey key = state.selection();
        if (key != null && planned.get()) {
            actions.execute(new MoveToWaveCommand(Set.of(key), wave, reviewer()), s -> { });
        }
    }

    /** Renames a wave; a blank name is refused by the plan with a message. */
    public void rename(int wave, String name) {
        actions.execute(new RenameWaveCommand(wave, name, reviewer()), s -> { });
    }

    /** The waves, in order. */
    public ObservableList<WaveRow> waves() {
        return wavesView;
    }

    /** The selected wave's blockers. */
    public ObservableList<WaveBlocker> blockers() {
        return blockersView;
    }

    public ObjectProperty<WaveRow> selectedProperty() {
        return selected;
    }

    public ReadOnlyBooleanProperty plannedProperty() {
        return planned.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Which wave the object selected in the tree is in. */
    public ReadOnlyStringProperty selectionWaveProperty() {
        return selectionWave.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty clusterActionsEnabledProperty() {
        return clusterActionsEnabled.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty clusterActionsReasonProperty() {
        return clusterActionsReason.getReadOnlyProperty();
    }
}
