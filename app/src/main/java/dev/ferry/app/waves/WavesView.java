package dev.ferry.app.waves;

import dev.ferry.plan.waves.WaveBlocker;
import java.util.function.Function;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.util.Duration;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The waves panel at the bottom of the workbench: waves with counts and blockers, wave edits, cluster actions. */
public final class WavesView extends BorderPane {

    private final WavesViewModel model;
    private final WaveRunViewModel run;
    private final TableView<ObjectProgress> progressTable = new TableView<>();
    private final ListView<String> log = new ListView<>();
    private final ProgressBar progress = new ProgressBar(0);
    private final Label outcome = new Label();
    private final Label elapsed = new Label();
    private final Button cancel = new Button("Cancel");
    private final Timeline clock = new Timeline(new KeyFrame(Duration.seconds(1), e -> showElapsed()));
    private final TableView<WaveRow> table = new TableView<>();
    private final ListView<WaveBlocker> blockers = new ListView<>();
    private final Button plan = new Button("Plan waves");
    private final MenuButton move = new MenuButton("Move selected object to");
    private final Button rename = new Button("Rename…");
    private final Label selectionWave = new Label();
    private final Label summary = new Label();
    private final Button dryRun = new Button("Dry-run");
    private final Button apply = new Button("Apply");
    private final Button rollback = new Button("Rollback");
    private final Button status = new Button("Status");
    private final Label emptyPlan = new Label();

    public WavesView(WavesViewModel model, WaveRunViewModel run) {
        this.model = model;
        this.run = run;
        createView();
        bindViewModel();
    }

    private void createView() {
        setId("wavesPanel");
        table.setId("wavesTable");
        blockers.setId("waveBlockers");
        plan.setId("planWavesButton");
        move.setId("moveToWaveMenu");
        rename.setId("renameWaveButton");
        selectionWave.setId("selectionWave");
        summary.setId("wavesSummary");
        dryRun.setId("dryRunButton");
        apply.setId("applyButton");
        rollback.setId("rollbackButton");
        status.setId("waveStatusButton");
        emptyPlan.setId("wavesPlaceholder");

        Label title = new Label("Waves");
        title.getStyleClass().add("pane-title");
        plan.getStyleClass().add("accent");
        plan.setTooltip(new Tooltip("Cut the estate into waves: platform first, then stateless namespaces, then each "
                + "stateful workload (undoable)"));
        move.setTooltip(new Tooltip("Move the object selected in the tree to another wave (undoable)"));
        rename.setTooltip(new Tooltip("Rename the selected wave (undoable)"));
        apply.getStyleClass().add("accent");
        rollback.getStyleClass().add("danger");
        selectionWave.getStyleClass().add("connection-detail");
        summary.getStyleClass().add("connection-detail");
        for (javafx.scene.control.Control fixed : new javafx.scene.control.Control[] {title, plan, move, rename,
                dryRun, apply, rollback, status}) {
            fixed.setMinWidth(Region.USE_PREF_SIZE);
        }
        summary.setMinWidth(0);
        selectionWave.setMinWidth(0);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox toolbar = new HBox(6, title, summary, plan, move, rename, selectionWave, spacer, dryRun, apply,
                rollback, status);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.setPadding(new Insets(4, 8, 4, 0));
        toolbar.getStyleClass().add("waves-toolbar");
        setTop(toolbar);

        table.getColumns().add(column("#", 40, row -> String.valueOf(row.number())));
        table.getColumns().add(column("Wave", 220, row -> row.wave().name()));
        table.getColumns().add(column("Kind", 90, row -> row.wave().kind().id()));
        table.getColumns().add(column("Objects", 70, row -> String.valueOf(row.wave().members().size())));
        TableColumn<WaveRow, WaveRow> state = column("State", 420, WaveRow::state);
        state.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(WaveRow row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().removeAll("wave-blocked", "wave-ready");
                setText(empty || row == null ? null : row.state());
                if (!empty && row != null) {
                    getStyleClass().add(row.blocked() ? "wave-blocked" : "wave-ready");
                }
            }
        });
        table.getColumns().add(state);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        emptyPlan.getStyleClass().add("placeholder-text");
        emptyPlan.setWrapText(true);
        table.setPlaceholder(emptyPlan);

        blockers.setPlaceholder(new Label("Nothing blocks the selected wave."));
        blockers.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(WaveBlocker blocker, boolean empty) {
                super.updateItem(blocker, empty);
                setText(empty || blocker == null ? null : "• " + blocker.message());
                setWrapText(true);
                setPrefWidth(0);
            }
        });
        progressTable.setId("waveObjects");
        log.setId("waveLog");
        progress.setId("waveProgress");
        outcome.setId("waveOutcome");
        elapsed.setId("waveElapsed");
        cancel.setId("cancelWave");
        cancel.setTooltip(new Tooltip("Stop between two objects; the journal stays consistent"));
        progressTable.setPlaceholder(new Label("Dry-run, apply, roll back or check a wave to see each object here."));
        progressTable.getColumns().add(progressColumn("Object", 260, p -> p.resource().toString()));
        progressTable.getColumns().add(progressColumn("Phase", 110, ObjectProgress::phase));
        progressTable.getColumns().add(progressColumn("Detail", 300, ObjectProgress::detail));
        progressTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        progressTable.setRowFactory(t -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(ObjectProgress item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("wave-blocked");
                if (!empty && item != null && item.failed()) {
                    getStyleClass().add("wave-blocked");
                }
            }
        });
        outcome.setWrapText(true);
        progress.setPrefWidth(180);
        HBox runBar = new HBox(8, progress, elapsed, cancel);
        runBar.setAlignment(Pos.CENTER_LEFT);
        progress.setMinWidth(Region.USE_PREF_SIZE);
        outcome.setMaxWidth(Double.MAX_VALUE);
        javafx.scene.layout.VBox runHead = new javafx.scene.layout.VBox(4, runBar, outcome);
        runHead.setPadding(new Insets(4, 6, 4, 6));
        BorderPane progressPane = new BorderPane(progressTable);
        progressPane.setTop(runHead);
        Tab blockersTab = new Tab("Blockers", blockers);
        blockersTab.setId("blockersTab");
        Tab progressTab = new Tab("Progress", progressPane);
        progressTab.setId("progressTab");
        Tab logTab = new Tab("Log", log);
        logTab.setId("logTab");
        TabPane tabs = new TabPane(blockersTab, progressTab, logTab);
        tabs.setId("waveTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        this.tabs = tabs;
        this.progressTab = progressTab;
        SplitPane split = new SplitPane(table, tabs);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.5);
        setCenter(split);
    }

    private TabPane tabs;
    private Tab progressTab;

    private static TableColumn<ObjectProgress, ObjectProgress> progressColumn(String title, double width,
                                                                                Function<ObjectProgress, String> text) {
        TableColumn<ObjectProgress, ObjectProgress> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setSortable(false);
        column.setCellValueFactory(data -> new ReadOnlyObjectWrapper<>(data.getValue()));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(ObjectProgress row, boolean empty) {
                super.updateItem(row, empty);
                setText(empty || row == null ? null : text.apply(row));
            }
        });
        return column;
    }

    private static TableColumn<WaveRow, WaveRow> column(String title, double width, Function<WaveRow, String> text) {
        TableColumn<WaveRow, WaveRow> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setSortable(false);
        column.setCellValueFactory(data -> new ReadOnlyObjectWrapper<>(data.getValue()));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(WaveRow row, boolean empty) {
                super.updateItem(row, empty);
                setText(empty || row == null ? null : text.apply(row));
            }
        });
        return column;
    }

    private void bindViewModel() {
        table.setItems(model.waves());
        blockers.setItems(model.blockers());
        summary.textProperty().bind(model.summaryProperty());
        emptyPlan.textProperty().bind(model.summaryProperty());
        selectionWave.textProperty().bind(model.selectionWaveProperty());
        plan.visibleProperty().bind(model.plannedProperty().not());
        plan.managedProperty().bind(plan.visibleProperty());
        move.disableProperty().bind(model.plannedProperty().not().or(model.selectionWaveProperty().isEmpty()));
        rename.disableProperty().bind(model.selectedProperty().isNull());
        plan.setOnAction(e -> model.planWaves());
        rename.setOnAction(e -> askRename());
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.selectedProperty().set(now);
            }
        });
        model.selectedProperty().addListener((obs, old, now) -> {
            if (now != null && table.getSelectionModel().getSelectedItem() != now) {
                table.getSelectionModel().select(now);
            }
        });
        model.waves().addListener((ListChangeListener<WaveRow>) c -> fillMoveMenu());
        fillMoveMenu();

        for (Button button : new Button[] {dryRun, apply, rollback, status}) {
            button.disableProperty().bind(model.clusterActionsEnabledProperty().not()
                    .or(model.selectedProperty().isNull()).or(run.runningProperty()));
        }
        Tooltip why = new Tooltip();
        why.textProperty().bind(javafx.beans.binding.Bindings.when(model.clusterActionsEnabledProperty())
                .then("").otherwise(model.clusterActionsReasonProperty()));
        dryRun.setTooltip(new Tooltip("Dry-run the selected wave against the target (Ctrl+Shift+D)"));
        apply.setTooltip(new Tooltip("Apply the selected wave to the target, after a confirmation (Ctrl+Shift+A)"));
        rollback.setTooltip(new Tooltip("Roll the selected wave back on the target, after a confirmation"));
        status.setTooltip(new Tooltip("Check the selected wave against the live target"));
        Tooltip.install(summary, why);
        dryRun.setOnAction(e -> request(WaveRunViewModel.Action.DRY_RUN));
        apply.setOnAction(e -> request(WaveRunViewModel.Action.APPLY));
        rollback.setOnAction(e -> request(WaveRunViewModel.Action.ROLLBACK));
        status.setOnAction(e -> request(WaveRunViewModel.Action.STATUS));

        progressTable.setItems(run.objects());
        log.setItems(run.log());
        progress.progressProperty().bind(run.progressProperty());
        outcome.textProperty().bind(run.outcomeProperty());
        cancel.visibleProperty().bind(run.runningProperty());
        cancel.setOnAction(e -> run.cancel());
        run.log().addListener((ListChangeListener<String>) c -> {
            if (!run.log().isEmpty()) {
                log.scrollTo(run.log().size() - 1);
            }
        });
        run.runningProperty().addListener((obs, old, now) -> {
            if (now) {
                tabs.getSelectionModel().select(progressTab);
                clock.setCycleCount(Animation.INDEFINITE);
                clock.play();
            } else {
                clock.stop();
            }
            showElapsed();
        });
        run.confirmationProperty().addListener((obs, old, now) -> {
            if (now != null) {
                ask(now);
            }
        });
    }

    /** Runs {@code action} on the selected wave (the menu's wave items call this too). */
    public void request(WaveRunViewModel.Action action) {
        WaveRow row = model.selectedProperty().get();
        if (row != null) {
            run.request(action, row.number());
        }
    }

    private void ask(WaveRunViewModel.ClusterConfirmation confirmation) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION);
        if (getScene() != null) {
            alert.initOwner(getScene().getWindow());
        }
        alert.setTitle(confirmation.title());
        alert.setHeaderText(confirmation.title());
        alert.setContentText(confirmation.question());
        alert.getDialogPane().setId("waveConfirmDialog");
        Button ok = (Button) alert.getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("waveConfirmOk");
        ok.setText(confirmation.action().verb());
        alert.setOnHidden(e -> {
            if (alert.getResult() == ButtonType.OK) {
                run.confirm();
            } else {
                run.dismiss();
            }
        });
        alert.show();
    }

    private void showElapsed() {
        java.time.Instant start = run.startedAtProperty().get();
        if (start == null) {
            elapsed.setText("");
            return;
        }
        java.time.Instant end = run.finishedAtProperty().get() != null ? run.finishedAtProperty().get()
                : java.time.Instant.now();
        long seconds = java.time.Duration.between(start, end).getSeconds();
        elapsed.setText(String.format(java.util.Locale.ROOT, "%d:%02d elapsed", seconds / 60, seconds % 60));
    }

    private void fillMoveMenu() {
        move.getItems().clear();
        for (WaveRow row : model.waves()) {
            MenuItem item = new MenuItem(row.wave().label());
            item.setId("moveToWave-" + row.number());
            item.setOnAction(e -> model.moveSelectionTo(row.number()));
            move.getItems().add(item);
        }
        MenuItem fresh = new MenuItem("A new wave");
        fresh.setId("moveToNewWave");
        fresh.setOnAction(e -> model.moveSelectionTo(model.waves().size()));
        move.getItems().add(fresh);
    }

    private void askRename() {
        WaveRow row = model.selectedProperty().get();
        if (row == null) {
            return;
        }
        TextInputDialog dialog = new TextInputDialog(row.wave().name());
        dialog.initOwner(getScene().getWindow());
        dialog.setTitle("Rename wave");
        dialog.setHeaderText("Rename " + row.wave().label());
        dialog.setContentText("Name:");
        dialog.getEditor().setId("waveNameField");
        dialog.showAndWait().ifPresent(name -> model.rename(row.number(), name));
    }
}
