package dev.ferry.app.gui;

import dev.ferry.app.Workbench;
import dev.ferry.app.review.ObjectRow;
import dev.ferry.app.theme.Theme;
import dev.ferry.app.waves.WaveRunViewModel;
import dev.ferry.model.ResourceKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Regenerates {@code screenshots/*.png} from the real workbench on the demo estate:
 * {@code ./mvnw -q -pl app -am verify -Pscreenshots}. Not part of the normal test run.
 */
@EnabledIfSystemProperty(named = "ferry.screenshots", matches = "true")
@ExtendWith(ApplicationExtension.class)
class ScreenshotsTest {

    @TempDir
    Path temp;

    private Workbench workbench;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setWidth(1600);
        stage.setHeight(1000);
        workbench = WorkbenchFx.start(stage, temp.resolve("config"));
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    @Test
    void regeneratesTheScreenshots(FxRobot robot) throws Exception {
        shoot(robot, stage.getScene(), "start-screen");

        robot.clickOn("#demoButton");
        WorkbenchFx.waitUntil(180, () -> workbench.state().review() != null);
        ResourceKey ingress = find("Ingress", "storefront").orElseThrow();
        select(robot, ingress, "all");
        shoot(robot, stage.getScene(), "main-window-light");
        select(robot, ingress, "ingress");
        shoot(robot, stage.getScene(), "edge-tabs-ingress");

        Optional<ResourceKey> statefulSet = workbench.state().review().rows().stream()
                .filter(r -> r.key().kind().equals("StatefulSet")).map(ObjectRow::key).findFirst();
        if (statefulSet.isPresent()) {
            select(robot, statefulSet.get(), "storage");
            shoot(robot, stage.getScene(), "edge-tabs-statefulset");
        }

        select(robot, ingress, "all");
        robot.interact(() -> workbench.state().setTheme(Theme.DARK));
        shoot(robot, stage.getScene(), "main-window-dark");
        robot.interact(() -> workbench.state().setTheme(Theme.LIGHT));

        robot.interact(() -> workbench.state().setPresentation(true));
        shoot(robot, stage.getScene(), "presentation-mode");
        robot.interact(() -> workbench.state().setPresentation(false));

        robot.interact(workbench::showSettings);
        WorkbenchFx.waitUntil(() -> settingsWindow().isPresent());
        Window settings = settingsWindow().orElseThrow();
        shoot(robot, settings.getScene(), "settings-editor");
        robot.interact(settings::hide);

        robot.interact(() -> workbench.inspectorViewModel().requestApproveAll());
        WorkbenchFx.waitUntil(() -> robot.lookup("#confirmOk").tryQuery().isPresent());
        robot.clickOn("#confirmOk");
        WorkbenchFx.waitUntil(60, () -> workbench.state().review().pendingChanges() == 0);
        robot.clickOn("#planWavesButton");
        WorkbenchFx.waitUntil(() -> workbench.state().review().plan().isPresent());
        robot.interact(() -> workbench.wavesViewModel().selectedProperty()
                .set(workbench.wavesViewModel().waves().get(0)));
        robot.interact(() -> workbench.waveRunViewModel().request(WaveRunViewModel.Action.DRY_RUN, 0));
        robot.interact(() -> workbench.waveRunViewModel().confirm());
        WorkbenchFx.waitUntil(120, () -> !workbench.waveRunViewModel().runningProperty().get()
                && !workbench.waveRunViewModel().outcomeProperty().get().isEmpty());
        if (workbench.waveRunViewModel().outcomeProperty().get().startsWith("Dry run passed")) {
            robot.interact(() -> workbench.waveRunViewModel().request(WaveRunViewModel.Action.APPLY, 0));
            robot.interact(() -> workbench.waveRunViewModel().confirm());
            WorkbenchFx.waitUntil(180, () -> !workbench.waveRunViewModel().runningProperty().get());
        }
        robot.interact(() -> ((javafx.scene.control.SplitPane) stage.getScene().lookup("#workbenchRows"))
                .setDividerPositions(0.45));
        shoot(robot, stage.getScene(), "waves-panel");
        robot.interact(() -> ((javafx.scene.control.SplitPane) stage.getScene().lookup("#workbenchRows"))
                .setDividerPositions(0.78));

        robot.interact(workbench::showReport);
        WorkbenchFx.waitUntil(30, () -> Window.getWindows().stream().anyMatch(w -> w != stage && w.isShowing()
                && w.getScene() != null && w.getScene().lookup("#reportWebView") != null));
        Window report = Window.getWindows().stream().filter(w -> w != stage && w.getScene() != null
                && w.getScene().lookup("#reportWebView") != null).findFirst().orElseThrow();
        WaitForAsyncUtils.sleep(2, java.util.concurrent.TimeUnit.SECONDS); // the WebView renders asynchronously
        shoot(robot, report.getScene(), "report");
    }

    private Optional<Window> settingsWindow() {
        return Window.getWindows().stream().filter(w -> w.isShowing() && w.getScene() != null
                && w.getScene().lookup("#settingsEditor") != null).findFirst();
    }

    private Optional<ResourceKey> find(String kind, String name) {
        return workbench.state().review().rows().stream().map(ObjectRow::key)
                .filter(k -> k.kind().equals(kind) && k.name().equals(name)).findFirst();
    }

    private void select(FxRobot robot, ResourceKey key, String edgeTab) {
        robot.interact(() -> workbench.state().select(key));
        WorkbenchFx.waitUntil(() -> robot.lookup("#diffTitle").tryQuery().isPresent()
                && ((javafx.scene.control.Label) robot.lookup("#diffTitle").query()).getText().contains(key.name()));
        TabPane tabs = robot.lookup("#edgeTabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getTabs().stream().filter(t -> edgeTab.equals(t.getUserData())).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t)));
    }

    private void shoot(FxRobot robot, Scene scene, String name) throws IOException {
        WaitForAsyncUtils.waitForFxEvents();
        // the diff editors highlight off the FX thread; give them a moment to paint
        WaitForAsyncUtils.sleep(800, java.util.concurrent.TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        Path dir = Path.of(System.getProperty("ferry.screenshots.dir", "../screenshots"));
        Files.createDirectories(dir);
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = scene.snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(image[0], null), "png", dir.resolve(name + ".png").toFile());
    }
}
