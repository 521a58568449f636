package dev.ferry.app.main;

import javafx.scene.Node;
import javafx.scene.control.MenuBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;

/**
 * The window's root: the menu bar, then the start screen or the workbench, then the status bar. Both screens are in
 * the scene from the start (one hidden), so their skins and styles are built while the start screen shows rather
 * than in the moment a bundle opens.
 */
public final class ShellView extends BorderPane {

    public ShellView(MainViewModel model, MenuBar menus, Node start, Node workbench, Node statusBar) {
        setId("shell");
        menus.setId("menuBar");
        setTop(menus);
        setBottom(statusBar);
        setCenter(new StackPane(workbench, start));
        show(model.reviewOpenProperty().get(), start, workbench);
        model.reviewOpenProperty().addListener((obs, old, open) -> show(open, start, workbench));
    }

    private static void show(boolean reviewOpen, Node start, Node workbench) {
        workbench.setVisible(reviewOpen);
        start.setVisible(!reviewOpen);
    }
}
