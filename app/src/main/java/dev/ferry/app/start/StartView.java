package dev.ferry.app.start;

import dev.ferry.app.common.FileChoosers;
import dev.ferry.app.common.ProgressRings;
import java.nio.file.Path;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The start screen: demo estate, connect clusters, open a bundle, recent bundles. */
public final class StartView extends StackPane {

    private final StartViewModel model;
    private final FileChoosers choosers;
    private final Runnable connectClusters;
    private final Runnable startDemo;

    private final Button demo = new Button("Demo estate");
    private final Button connect = new Button("Connect clusters…");
    private final Button openFolder = new Button("Open folder…");
    private final Button openZip = new Button("Open zip…");
    private final TextField pathField = new TextField();
    private final Button openPath = new Button("Open");
    private final ListView<Path> recent = new ListView<>();
    private final Label error = new Label();
    private final ProgressIndicator busy = new ProgressIndicator();
    private final Label demoReason = new Label();
    private final Label connectReason = new Label();

    public StartView(StartViewModel model, FileChoosers choosers, Runnable connectClusters, Runnable startDemo) {
        this.model = model;
        this.choosers = choosers;
        this.connectClusters = connectClusters;
        this.startDemo = startDemo;
        createView();
        bindViewModel();
    }

    private void createView() {
        setId("startScreen");
        getStyleClass().add("start-screen");
        demo.setId("demoButton");
        connect.setId("connectButton");
        openFolder.setId("openFolderButton");
        openZip.setId("openZipButton");
        pathField.setId("bundlePathField");
        openPath.setId("openPathButton");
        recent.setId("recentBundles");
        error.setId("startError");
        busy.setId("startBusy");

        Label title = new Label("Ferry");
        title.getStyleClass().add("start-title");
        Label subtitle = new Label("Move Kubernetes workloads between AKS and EKS: review every change, edge by edge, "
                + "then apply wave by wave.");
        subtitle.getStyleClass().add("start-subtitle");
        subtitle.setWrapText(true);

        demo.getStyleClass().add("accent");
        demo.setDefaultButton(false);
        Label demoNote = note(StartViewModel.DEMO_STATEMENT);
        demoNote.setId("demoStatement");
        demoReason.setId("demoUnavailable");
        VBox demoCard = card("Try it", demo, demoNote, demoReason);

        Label connectNote = note("Pick the source and target kubeconfig contexts. Ferry only reads the source; it "
                + "writes to the target only when you apply a wave.");
        connectReason.setId("connectUnavailable");
        VBox connectCard = card("Migrate a live estate", connect, connectNote, connectReason);

        openFolder.setTooltip(new Tooltip("Open a bundle folder written by `ferry propose` (Ctrl+O)"));
        openZip.setTooltip(new Tooltip("Open a bundle exported as a zip, for example a reviewer's copy"));
        pathField.setPromptText("or type its path, then Enter");
        HBox.setHgrow(pathField, Priority.ALWAYS);
        HBox pathRow = new HBox(6, pathField, openPath);
        HBox openRow = new HBox(8, openFolder, openZip);
        Label openNote = note("A bundle holds the source, the proposed objects, every change and your decisions. "
                + "Opening one needs no cluster.");
        VBox openCard = card("Review a bundle", openRow, pathRow, openNote);

        recent.setPlaceholder(new Label("No recent bundles yet."));
        recent.getStyleClass().add("recent-list");
        recent.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Path item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setText(null);
                    setTooltip(null);
                } else {
                    Path name = item.getFileName();
                    setText((name == null ? item : name) + "   —   " + item);
                    setTooltip(new Tooltip("Open " + item + " (Enter or double-click; Delete forgets it)"));
                }
            }
        });
        Label recentTitle = new Label("Recent bundles");
        recentTitle.getStyleClass().add("start-card-title");
        VBox recentBox = new VBox(6, recentTitle, recent);

        error.getStyleClass().add("start-error");
        error.setWrapText(true);
        busy.setMaxSize(28, 28);

        HBox cards = new HBox(16, demoCard, connectCard, openCard);
        for (VBox card : new VBox[] {demoCard, connectCard, openCard}) {
            HBox.setHgrow(card, Priority.ALWAYS);
            card.setMaxWidth(Double.MAX_VALUE);
            card.setPrefWidth(320);
        }
        HBox status = new HBox(8, busy, error);
        status.setAlignment(Pos.CENTER_LEFT);
        VBox content = new VBox(18, title, subtitle, cards, status, recentBox);
        content.setPadding(new Insets(40, 48, 40, 48));
        content.setMaxWidth(1100);
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        getChildren().add(scroll);
        StackPane.setAlignment(scroll, Pos.TOP_CENTER);
    }

    private static VBox card(String title, javafx.scene.Node... body) {
        Label heading = new Label(title);
        heading.getStyleClass().add("start-card-title");
        VBox card = new VBox(10, heading);
        card.getChildren().addAll(body);
        card.getStyleClass().add("start-card");
        return card;
    }

    private static Label note(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("start-note");
        label.setWrapText(true);
        return label;
    }

    private void bindViewModel() {
        recent.setItems(model.recentBundles());
        error.textProperty().bind(model.errorProperty());
        error.visibleProperty().bind(model.errorProperty().isNotEmpty());
        busy.visibleProperty().bind(model.openingProperty());
        ProgressRings.follow(busy, model.progressProperty());
        demo.disableProperty().bind(model.demoAvailableProperty().not().or(model.openingProperty()));
        connect.disableProperty().bind(model.connectAvailableProperty().not().or(model.openingProperty()));
        openFolder.disableProperty().bind(model.openingProperty());
        openZip.disableProperty().bind(model.openingProperty());
        openPath.disableProperty().bind(model.openingProperty().or(pathField.textProperty().isEmpty()));
        demo.setTooltip(new Tooltip("Open the demo AKS estate against the simulated API server"));
        connect.setTooltip(new Tooltip("Choose kubeconfig contexts for the source and the target"));
        // A disabled button shows no tooltip, so the reason is a visible note on the card.
        unavailableNote(demoReason, model.demoAvailableProperty(), model.demoUnavailableReasonProperty());
        unavailableNote(connectReason, model.connectAvailableProperty(), model.connectUnavailableReasonProperty());

        demo.setOnAction(e -> startDemo.run());
        connect.setOnAction(e -> connectClusters.run());
        openFolder.setOnAction(e -> choosers.chooseFolder("Open a Ferry bundle folder").ifPresent(model::open));
        openZip.setOnAction(e -> choosers.chooseFile("Open a Ferry bundle zip", "Ferry bundle (*.zip)", "*.zip")
                .ifPresent(model::open));
        openPath.setOnAction(e -> openTyped());
        pathField.setOnAction(e -> openTyped());
        recent.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                openSelectedRecent();
            }
        });
        recent.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                openSelectedRecent();
            } else if (e.getCode() == KeyCode.DELETE && recent.getSelectionModel().getSelectedItem() != null) {
                model.forget(recent.getSelectionModel().getSelectedItem());
            }
        });
    }

    private static void unavailableNote(Label label, javafx.beans.value.ObservableBooleanValue available,
                                        javafx.beans.value.ObservableStringValue reason) {
        label.getStyleClass().add("start-note");
        label.setWrapText(true);
        label.textProperty().bind(reason);
        label.visibleProperty().bind(javafx.beans.binding.Bindings.not(available));
        label.managedProperty().bind(label.visibleProperty());
    }

    private void openTyped() {
        String text = pathField.getText().strip();
        if (!text.isEmpty()) {
            model.open(Path.of(text));
        }
    }

    private void openSelectedRecent() {
        Path selected = recent.getSelectionModel().getSelectedItem();
        if (selected != null) {
            model.open(selected);
        }
    }
}
