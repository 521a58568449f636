package dev.ferry.app;

import dev.ferry.app.review.ReviewSnapshot;
import dev.ferry.engine.Finding;
import dev.ferry.model.io.Yaml;
import dev.ferry.plan.review.ReviewedChange;
import java.util.Map;
import java.util.TreeMap;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The migration settings of the open review: the settings the engine ran with, and the keys findings ask for
 * (with how many changes each would settle). Changing them means running `ferry propose` again with the new file.
 */
final class SettingsDialog {

    private SettingsDialog() {
    }

    static void show(Window owner, ReviewSnapshot review) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(owner);
        alert.setTitle("Migration settings");
        alert.getDialogPane().setId("settingsDialog");
        if (review == null) {
            alert.setHeaderText("Open a bundle to see its settings.");
            alert.show();
            return;
        }
        alert.setHeaderText("Settings of " + review.name() + " (" + review.direction().id() + ")");
        Map<String, Integer> missing = new TreeMap<>();
        for (var row : review.rows()) {
            for (ReviewedChange change : review.changesFor(row.key())) {
                for (Finding finding : change.change().findings()) {
                    if (!finding.settingKey().isEmpty()) {
                        missing.merge(finding.settingKey(), 1, Integer::sum);
                    }
                }
            }
        }
        StringBuilder asks = new StringBuilder();
        missing.forEach((key, count) -> asks.append("• ").append(key).append(" — asked for by ").append(count)
                .append(count == 1 ? " change\n" : " changes\n"));
        Label askLabel = new Label(missing.isEmpty() ? "No finding asks for a setting."
                : "Settings the findings ask for:\n" + asks + "\nAdd them to settings.yaml and run "
                + "`ferry propose --settings settings.yaml` again.");
        askLabel.setWrapText(true);
        askLabel.setId("missingSettings");
        TextArea yaml = new TextArea(Yaml.write(review.settings().tree()));
        yaml.setId("settingsYaml");
        yaml.setEditable(false);
        yaml.setPrefRowCount(14);
        VBox content = new VBox(10, askLabel, yaml);
        alert.getDialogPane().setContent(content);
        alert.getDialogPane().setPrefWidth(640);
        alert.show();
    }
}
