package dev.ferry.app.main;

import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/**
 * The main window's layout once a review is open: connections bar and banners on top, the tree on the left, the diff
 * in the centre, the inspector on the right, the waves panel at the bottom.
 */
public final class WorkbenchView extends BorderPane {

    private final MainViewModel model;
    private final Label tamperBanner = new Label();
    private final SplitPane horizontal = new SplitPane();
    private final SplitPane vertical = new SplitPane();

    public WorkbenchView(MainViewModel model, Node connectionsBar, Node tree, Node diff, Node inspector, Node waves) {
        this.model = model;
        createView(connectionsBar, tree, diff, inspector, waves);
        bindViewModel();
    }

    private void createView(Node connectionsBar, Node tree, Node diff, Node inspector, Node waves) {
        setId("workbench");
        tamperBanner.setId("tamperBanner");
        tamperBanner.getStyleClass().addAll("banner", "banner-danger");
        tamperBanner.setWrapText(true);
        tamperBanner.setMaxWidth(Double.MAX_VALUE);
        setTop(new VBox(connectionsBar, tamperBanner));

        horizontal.setId("workbenchColumns");
        horizontal.getItems().addAll(tree, diff, inspector);
        horizontal.setDividerPositions(0.35, 0.74);
        SplitPane.setResizableWithParent(tree, false);
        SplitPane.setResizableWithParent(inspector, false);
        vertical.setId("workbenchRows");
        vertical.setOrientation(Orientation.VERTICAL);
        vertical.getItems().addAll(horizontal, waves);
        vertical.setDividerPositions(0.78);
        SplitPane.setResizableWithParent(waves, false);
        setCenter(vertical);
    }

    private void bindViewModel() {
        tamperBanner.textProperty().bind(javafx.beans.binding.Bindings.concat("⚠ ", model.tamperWarningProperty()));
        tamperBanner.visibleProperty().bind(model.tamperWarningProperty().isNotEmpty());
        tamperBanner.managedProperty().bind(tamperBanner.visibleProperty());
    }
}
