package dev.ferry.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.app.Workbench;
import dev.ferry.app.prefs.UserPreferences;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.stage.Stage;
import org.controlsfx.control.SearchableComboBox;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Starts the real workbench for a TestFX test, with preferences in a temporary folder. */
final class WorkbenchFx {

    private WorkbenchFx() {
    }

    static Workbench start(Stage stage, Path config) {
        UserPreferences preferences = new UserPreferences(config);
        preferences.setReviewerName("alice");
        preferences.setBundlesFolder(config.resolveSibling("bundles"));
        Workbench workbench = new Workbench(stage, preferences, file -> { });
        stage.show();
        return workbench;
    }

    /** Waits until {@code condition} holds on the FX thread (background tasks deliver there). */
    static void waitUntil(BooleanSupplier condition) {
        waitUntil(30, condition);
    }

    static void waitUntil(int seconds, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS,
                    () -> WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get());
        } catch (TimeoutException e) {
            throw new AssertionError("condition not met within " + seconds + " s", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(condition.getAsBoolean()).isTrue();
    }

    /** Opens the connect dialog from the start screen and reads {@code kubeconfig}, until it lists its contexts. */
    static void loadContexts(FxRobot robot, Path kubeconfig, int contexts) {
        robot.clickOn("#connectButton");
        waitUntil(() -> robot.lookup("#kubeconfigField").tryQuery().isPresent());
        robot.clickOn("#kubeconfigField").write(kubeconfig.toString());
        robot.clickOn("#loadContexts");
        waitUntil(() -> contextChooser(robot, "#sourceContext").getItems().size() == contexts);
    }

    /** The connect dialog's {@code #sourceContext} or {@code #targetContext} chooser. */
    @SuppressWarnings("unchecked")
    static SearchableComboBox<String> contextChooser(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(SearchableComboBox.class);
    }
}
