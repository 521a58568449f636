package dev.ferry.app.main;

import javafx.scene.Node;
import javafx.scene.control.MenuBar;
import javafx.scene.layout.BorderPane;

/** The window's root: the menu bar, then the start screen or the workbench, then the status bar. */
public final class ShellView extends BorderPane {

    public ShellView(MainViewModel model, MenuBar menus, Node start, Node workbench, Node statusBar) {
        setId("shell");
        menus.setId("menuBar");
        setTop(menus);
        setBottom(statusBar);
        setCenter(model.reviewOpenProperty().get() ? workbench : start);
        model.reviewOpenProperty().addListener((obs, old, open) -> setCenter(open ? workbench : start));
    }
}
