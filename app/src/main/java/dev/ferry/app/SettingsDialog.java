package dev.ferry.app;

import javafx.scene.control.Alert;
import javafx.stage.Window;

/** What "Settings…" says with no review open: the settings belong to a bundle. */
final class SettingsDialog {

    private SettingsDialog() {
    }

    static void noReview(Window owner) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(owner);
        alert.setTitle("Migration settings");
        alert.getDialogPane().setId("settingsDialog");
        alert.setHeaderText("Open a bundle, start the demo or connect a cluster to edit its migration settings.");
        alert.show();
    }
}
