package dev.ferry.app.waves;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The waves panel at the bottom of the workbench. */
public final class WavesView extends BorderPane {

    private final WavesViewModel model;
    private final Button dryRun = new Button("Dry-run");
    private final Button apply = new Button("Apply");
    private final Button rollback = new Button("Rollback");
    private final Button status = new Button("Status");
    private final Label placeholder = new Label();

    public WavesView(WavesViewModel model) {
        this.model = model;
        createView();
        bindViewModel();
    }

    private void createView() {
        setId("wavesPanel");
        dryRun.setId("dryRunButton");
        apply.setId("applyButton");
        rollback.setId("rollbackButton");
        status.setId("waveStatusButton");
        placeholder.setId("wavesPlaceholder");
        placeholder.getStyleClass().add("placeholder-text");
        Label title = new Label("Waves");
        title.getStyleClass().add("pane-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox toolbar = new HBox(6, title, spacer, dryRun, apply, rollback, status);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.setPadding(new Insets(4, 8, 4, 0));
        toolbar.getStyleClass().add("waves-toolbar");
        setTop(toolbar);
        setCenter(placeholder);
    }

    private void bindViewModel() {
        placeholder.textProperty().bind(model.placeholderProperty());
        for (Button button : new Button[] {dryRun, apply, rollback, status}) {
            button.disableProperty().bind(model.clusterActionsEnabledProperty().not());
        }
        // A disabled button shows no tooltip in JavaFX, so the tooltip sits on the toolbar row too.
        Tooltip why = new Tooltip();
        why.textProperty().bind(model.clusterActionsReasonProperty());
        for (Button button : new Button[] {dryRun, apply, rollback, status}) {
            button.setTooltip(why);
        }
        Tooltip.install(getTop(), why);
    }
}
