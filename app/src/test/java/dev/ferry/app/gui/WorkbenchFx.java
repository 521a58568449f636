package dev.ferry.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.app.Workbench;
import dev.ferry.app.prefs.UserPreferences;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

/** Starts the real workbench for a TestFX test, with preferences in a temporary folder. */
final class WorkbenchFx {

    private WorkbenchFx() {
    }

    static Workbench start(Stage stage, Path config) {
        UserPreferences preferences = new UserPreferences(config);
        preferences.setReviewerName("alice");
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
}
