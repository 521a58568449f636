package dev.ferry.app.settings;

import dev.ferry.app.common.ProgressRings;
import dev.ferry.engine.Direction;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The settings editor window: the direction, one row per settings key (what is missing marked, the catalog's
 * description and default under it, the problem with the value in red as the user types), and "Save and propose
 * again". Closes itself once the new proposal is open.
 */
public final class SettingsEditorView extends BorderPane {

    private final SettingsEditorViewModel model;
    private final ComboBox<Direction> direction = new ComboBox<>(FXCollections.observableArrayList(Direction.values()));
    private final Label summary = new Label();
    private final GridPane form = new GridPane();
    private final Label problem = new Label();
    private final Button save = new Button("Save and propose again");
    private final Button close = new Button("Close");
    private final ProgressIndicator busy = new ProgressIndicator();

    public SettingsEditorView(SettingsEditorViewModel model) {
        this.model = model;
        createView();
        bindViewModel();
    }

    /** Opens the editor in its own window owned by {@code owner}. */
    public static Stage show(Window owner, SettingsEditorViewModel model) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle("Migration settings");
        SettingsEditorView view = new SettingsEditorView(model);
        Scene scene = new Scene(view, 760, 680);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        view.close.setOnAction(e -> stage.close());
        model.savedProperty().addListener((obs, old, now) -> {
            if (now) {
                stage.close();
            }
        });
        stage.show();
        return stage;
    }

    private void createView() {
        setId("settingsEditor");
        getStyleClass().add("settings-editor");
        direction.setId("settingsDirection");
        summary.setId("settingsSummary");
        problem.setId("settingsProblem");
        save.setId("settingsSave");
        busy.setId("settingsBusy");
        close.setId("settingsClose");
        busy.setMaxSize(18, 18);
        save.getStyleClass().add("accent");
        save.setDefaultButton(true);
        summary.setWrapText(true);
        problem.setWrapText(true);
        problem.getStyleClass().add("settings-problem");
        problem.setStyle("-fx-text-fill: -color-danger-fg;");
        direction.setTooltip(new Tooltip("Which way the migration goes; each direction has its own keys"));
        save.setTooltip(new Tooltip("Write settings.yaml and propose the bundle again; decisions are carried over"));

        Label directionLabel = new Label("Direction");
        directionLabel.getStyleClass().add("text-bold");
        HBox top = new HBox(8, directionLabel, direction);
        top.setAlignment(Pos.CENTER_LEFT);
        VBox header = new VBox(8, top, summary);
        header.setPadding(new Insets(12));
        setTop(header);

        form.setHgap(10);
        form.setVgap(4);
        form.setPadding(new Insets(4, 12, 12, 12));
        ColumnConstraints keys = new ColumnConstraints();
        keys.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        form.getColumnConstraints().addAll(keys, values);
        ScrollPane scroll = new ScrollPane(form);
        scroll.setFitToWidth(true);
        setCenter(scroll);

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, busy, spacer, close, save);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox bottom = new VBox(6, problem, buttons);
        bottom.setPadding(new Insets(10, 12, 12, 12));
        setBottom(bottom);
    }

    private void bindViewModel() {
        direction.valueProperty().bindBidirectional(model.directionProperty());
        direction.disableProperty().bind(model.savingProperty());
        summary.textProperty().bind(model.summaryProperty());
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(model.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        busy.visibleProperty().bind(model.savingProperty());
        ProgressRings.follow(busy, model.progressProperty());
        save.disableProperty().bind(model.dirtyProperty().not().or(model.savingProperty()));
        save.setOnAction(e -> model.save());
        model.fields().addListener((ListChangeListener<SettingField>) c -> buildForm());
        buildForm();
    }

    private void buildForm() {
        form.getChildren().clear();
        int row = 0;
        for (SettingField field : model.fields()) {
            Label key = new Label(field.path());
            key.getStyleClass().add("text-bold");
            Label missing = new Label(field.askedBy() > 0 ? "missing · asked for by " + field.askedBy()
                    + (field.askedBy() == 1 ? " finding" : " findings") : "missing");
            missing.getStyleClass().addAll("badge", "warning-flag");
            missing.visibleProperty().bind(field.missingProperty());
            missing.managedProperty().bind(missing.visibleProperty());
            VBox keyBox = new VBox(2, key, missing);
            Control input = input(field);
            input.setId("setting-" + field.path().replace('.', '-'));
            input.setMaxWidth(Double.MAX_VALUE);
            String help = field.description() + (field.defaultValue().isBlank() ? ""
                    : " Default: " + field.defaultValue() + ".");
            input.setTooltip(new Tooltip(help + " Example: " + field.example()));
            Label description = new Label(help);
            description.setWrapText(true);
            description.getStyleClass().add("text-muted");
            Label fieldProblem = new Label();
            fieldProblem.setId("problem-" + field.path().replace('.', '-'));
            fieldProblem.setWrapText(true);
            fieldProblem.setStyle("-fx-text-fill: -color-danger-fg;");
            fieldProblem.textProperty().bind(field.problemProperty());
            fieldProblem.visibleProperty().bind(field.problemProperty().isNotEmpty());
            fieldProblem.managedProperty().bind(fieldProblem.visibleProperty());
            input.styleProperty().bind(Bindings.when(field.problemProperty().isNotEmpty())
                    .then("-fx-border-color: -color-danger-emphasis;").otherwise(""));
            VBox valueBox = new VBox(2, input, fieldProblem, description);
            valueBox.setPadding(new Insets(0, 0, 8, 0));
            form.addRow(row++, keyBox, valueBox);
        }
    }

    private static Control input(SettingField field) {
        List<String> choices = field.choices();
        if (!choices.isEmpty()) {
            ComboBox<String> combo = new ComboBox<>(FXCollections.observableArrayList(choices));
            combo.setEditable(false);
            combo.getItems().add(0, "");
            combo.valueProperty().bindBidirectional(field.valueProperty());
            combo.setPromptText(field.defaultValue().isBlank() ? field.example() : field.defaultValue());
            return combo;
        }
        TextField text = new TextField();
        text.textProperty().bindBidirectional(field.valueProperty());
        text.setPromptText(field.example());
        return text;
    }
}
