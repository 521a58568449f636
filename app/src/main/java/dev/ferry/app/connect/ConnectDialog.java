package dev.ferry.app.connect;

import dev.ferry.app.common.FileChoosers;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.controlsfx.control.SearchableComboBox;

/** Choose the kubeconfig, the source context (read-only) and the target context, then connect. */
public final class ConnectDialog {

    private final ConnectViewModel model;
    private final FileChoosers choosers;
    private final Stage stage = new Stage();
    private final TextField kubeconfig = new TextField();
    private final Button browse = new Button("Browse…");
    private final Button load = new Button("Load contexts");
    private final SearchableComboBox<String> source = new SearchableComboBox<>();
    private final SearchableComboBox<String> target = new SearchableComboBox<>();
    private final javafx.scene.control.ComboBox<dev.ferry.engine.Direction> direction =
            new javafx.scene.control.ComboBox<>(javafx.collections.FXCollections.observableArrayList(
                    dev.ferry.engine.Direction.values()));
    private final Label directionHint = new Label();
    private final Label warning = new Label();
    private final Label error = new Label();
    private final ProgressIndicator busy = new ProgressIndicator();
    private final Button connect = new Button("Connect");
    private final Button cancel = new Button("Cancel");

    public ConnectDialog(Window owner, ConnectViewModel model, FileChoosers choosers) {
        this.model = model;
        this.choosers = choosers;
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("Connect clusters");
        createView(owner);
        bindViewModel();
    }

    private void createView(Window owner) {
        kubeconfig.setId("kubeconfigField");
        browse.setId("kubeconfigBrowse");
        load.setId("loadContexts");
        source.setId("sourceContext");
        target.setId("targetContext");
        warning.setId("connectWarning");
        error.setId("connectError");
        connect.setId("connectClusters");
        direction.setId("directionChoice");
        directionHint.setId("directionHint");
        directionHint.getStyleClass().add("text-muted");
        direction.setTooltip(new Tooltip("Which way the live estate is proposed: AKS → EKS or EKS → AKS"));
        direction.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(dev.ferry.engine.Direction value) {
                return value == null ? "" : value.id().replace("-to-", " → ").toUpperCase(java.util.Locale.ROOT);
            }

            @Override
            public dev.ferry.engine.Direction fromString(String text) {
                return null;
            }
        });
        kubeconfig.setPromptText("KUBECONFIG or ~/.kube/config");
        kubeconfig.setTooltip(new Tooltip("Leave empty to use KUBECONFIG, else ~/.kube/config"));
        source.setPromptText("the cluster to migrate from (read-only)");
        target.setPromptText("the cluster to migrate to");
        source.setMaxWidth(Double.MAX_VALUE);
        target.setMaxWidth(Double.MAX_VALUE);
        warning.getStyleClass().addAll("banner", "banner-warning");
        warning.setWrapText(true);
        error.getStyleClass().add("start-error");
        error.setWrapText(true);
        busy.setMaxSize(22, 22);
        connect.getStyleClass().add("accent");
        connect.setDefaultButton(true);
        cancel.setCancelButton(true);

        HBox.setHgrow(kubeconfig, Priority.ALWAYS);
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.add(new Label("Kubeconfig"), 0, 0);
        grid.add(new HBox(6, kubeconfig, browse, load), 1, 0);
        grid.add(new Label("Source"), 0, 1);
        Label readOnly = new Label("read-only");
        readOnly.getStyleClass().addAll("badge", "read-only-badge");
        HBox.setHgrow(source, Priority.ALWAYS);
        grid.add(new HBox(6, source, readOnly), 1, 1);
        grid.add(new Label("Target"), 0, 2);
        grid.add(target, 1, 2);
        GridPane.setHgrow(target, Priority.ALWAYS);
        grid.add(new Label("Direction"), 0, 3);
        HBox directionRow = new HBox(8, direction, directionHint);
        directionRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        grid.add(directionRow, 1, 3);
        HBox buttons = new HBox(8, busy, connect, cancel);
        VBox root = new VBox(12, grid, warning, error, buttons);
        root.setPadding(new Insets(16));
        root.setPrefWidth(640);
        root.setId("connectDialog");
        Scene scene = new Scene(root);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
            if (owner.getScene().getRoot().getStyleClass().contains("presentation")) {
                root.getStyleClass().add("presentation");
            }
        }
        stage.setScene(scene);
    }

    private void bindViewModel() {
        kubeconfig.textProperty().bindBidirectional(model.kubeconfigProperty());
        source.setItems(model.contexts());
        target.setItems(model.contexts());
        source.valueProperty().bindBidirectional(model.sourceContextProperty());
        target.valueProperty().bindBidirectional(model.targetContextProperty());
        direction.valueProperty().bindBidirectional(model.directionProperty());
        directionHint.textProperty().bind(model.directionHintProperty());
        warning.textProperty().bind(model.warningProperty());
        warning.visibleProperty().bind(model.warningProperty().isNotEmpty());
        warning.managedProperty().bind(warning.visibleProperty());
        error.textProperty().bind(model.errorProperty());
        busy.visibleProperty().bind(model.busyProperty());
        connect.disableProperty().bind(model.busyProperty().or(model.targetContextProperty().isNull()));
        browse.setOnAction(e -> choosers.chooseFile("Choose a kubeconfig", "Kubeconfig", "*")
                .ifPresent(file -> {
                    model.kubeconfigProperty().set(file.toString());
                    model.loadContexts();
                }));
        load.setOnAction(e -> model.loadContexts());
        kubeconfig.setOnAction(e -> model.loadContexts());
        connect.setOnAction(e -> model.connect());
        cancel.setOnAction(e -> stage.close());
        model.connectedProperty().addListener((obs, old, now) -> {
            if (now) {
                stage.close();
            }
        });
    }

    /** Shows the dialog and reads the default kubeconfig. */
    public void show() {
        stage.show();
        model.loadContexts();
    }
}
