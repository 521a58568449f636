package dev.ferry.app.main;

import javafx.beans.binding.BooleanExpression;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.event.ActionEvent;
import javafx.event.EventHandler;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;

/** Small helpers to build menus with ids, accelerators and bindings in one line each. */
final class WorkbenchMenus {

    private final MenuBar bar = new MenuBar();

    MenuBar bar() {
        return bar;
    }

    Menu menu(String title, String id) {
        Menu menu = new Menu(title);
        menu.setId(id);
        bar.getMenus().add(menu);
        return menu;
    }

    static MenuItem item(Menu menu, String text, String id, String accelerator, EventHandler<ActionEvent> action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(action);
        menu.getItems().add(item);
        return item;
    }

    static CheckMenuItem check(Menu menu, String text, String id, String accelerator) {
        CheckMenuItem item = new CheckMenuItem(text);
        item.setId(id);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        menu.getItems().add(item);
        return item;
    }

    static void separator(Menu menu) {
        menu.getItems().add(new SeparatorMenuItem());
    }

    static MenuItem enabledWhen(MenuItem item, ObservableBooleanValue enabled) {
        item.disableProperty().bind(BooleanExpression.booleanExpression(enabled).not());
        return item;
    }

    static MenuItem textFrom(MenuItem item, ObservableStringValue text) {
        item.textProperty().bind(text);
        return item;
    }
}
