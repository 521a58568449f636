package dev.ferry.app.connect;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The bar on top: source (read-only), direction, target (with its warning flag), settings. */
public final class ConnectionsBarView extends HBox {

    private final ConnectionsBarViewModel model;
    private final Runnable openSettings;
    private final Label sourceTitle = new Label();
    private final Label sourceDetail = new Label();
    private final Label readOnly = new Label("read-only");
    private final Label direction = new Label();
    private final Label targetTitle = new Label();
    private final Label targetDetail = new Label();
    private final Label warning = new Label();
    private final Button settings = new Button("Settings…");
    private final Button connect = new Button("Connect…");
    private final Runnable openConnect;

    public ConnectionsBarView(ConnectionsBarViewModel model, Runnable openSettings, Runnable openConnect) {
        this.model = model;
        this.openSettings = openSettings;
        this.openConnect = openConnect;
        createView();
        bindViewModel();
    }

    private void createView() {
        setId("connectionsBar");
        getStyleClass().add("connections-bar");
        setSpacing(14);
        setPadding(new Insets(6, 10, 6, 10));
        setAlignment(Pos.CENTER_LEFT);
        sourceTitle.setId("sourceConnection");
        sourceDetail.setId("sourceDetail");
        readOnly.setId("sourceReadOnly");
        direction.setId("directionBadge");
        targetTitle.setId("targetConnection");
        targetDetail.setId("targetDetail");
        warning.setId("targetWarning");
        settings.setId("settingsButton");
        connect.setId("connectBarButton");
        connect.setTooltip(new Tooltip("Choose the source and target kubeconfig contexts (Ctrl+K)"));
        readOnly.getStyleClass().addAll("badge", "read-only-badge");
        readOnly.setTooltip(new Tooltip("Ferry never writes to the source cluster"));
        direction.getStyleClass().addAll("badge", "direction-badge");
        warning.getStyleClass().addAll("badge", "warning-flag");
        for (Label title : new Label[] {sourceTitle, targetTitle}) {
            title.getStyleClass().add("connection-side-title");
        }
        for (Label detail : new Label[] {sourceDetail, targetDetail}) {
            detail.getStyleClass().add("connection-detail");
        }
        settings.setTooltip(new Tooltip("The migration settings of this review (Ctrl+,)"));
        for (javafx.scene.control.Control fixed : new javafx.scene.control.Control[] {readOnly, direction, warning,
                settings, connect}) {
            fixed.setMinWidth(Region.USE_PREF_SIZE);
        }
        for (Label detail : new Label[] {sourceDetail, targetDetail, sourceTitle, targetTitle}) {
            detail.setMinWidth(0);
        }
        HBox sourceHead = new HBox(6, sourceTitle, readOnly);
        sourceHead.setAlignment(Pos.CENTER_LEFT);
        HBox targetHead = new HBox(6, targetTitle, warning);
        targetHead.setAlignment(Pos.CENTER_LEFT);
        VBox source = new VBox(2, sourceHead, sourceDetail);
        VBox target = new VBox(2, targetHead, targetDetail);
        source.setMinWidth(0);
        target.setMinWidth(0);
        HBox.setHgrow(source, Priority.SOMETIMES);
        HBox.setHgrow(target, Priority.SOMETIMES);
        Label arrow = new Label("→");
        arrow.getStyleClass().add("title-3");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getChildren().addAll(source, arrow, direction, target, spacer, connect, settings);
    }

    private void bindViewModel() {
        sourceTitle.textProperty().bind(model.sourceTitleProperty());
        sourceDetail.textProperty().bind(model.sourceDetailProperty());
        targetTitle.textProperty().bind(model.targetTitleProperty());
        targetDetail.textProperty().bind(model.targetDetailProperty());
        direction.textProperty().bind(model.directionProperty());
        direction.visibleProperty().bind(model.directionProperty().isNotEmpty());
        warning.textProperty().bind(javafx.beans.binding.Bindings.concat("⚠ ", model.targetWarningProperty()));
        warning.visibleProperty().bind(model.targetWarningProperty().isNotEmpty());
        warning.managedProperty().bind(warning.visibleProperty());
        settings.setOnAction(e -> openSettings.run());
        connect.setOnAction(e -> openConnect.run());
    }
}
