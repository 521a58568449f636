package dev.ferry.app.gui;

import dev.ferry.app.Workbench;
import dev.ferry.app.fixture.TestBundles;
import dev.ferry.app.review.ObjectRow;
import dev.ferry.app.theme.Theme;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
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
 * Regenerates {@code screenshots/*.png} from the real workbench: {@code ./mvnw -q -pl app verify -Pscreenshots}
 * (after installing the modules it needs). Not part of the normal test run.
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
        Path bundle = TestBundles.storeDemo(temp);
        robot.interact(() -> workbench.context().preferences().addRecentBundle(bundle));
        robot.interact(() -> workbench.startViewModel().open(bundle));
        WorkbenchFx.waitUntil(() -> workbench.state().review() != null);
        robot.interact(() -> workbench.state().setReview(null));
        shoot(robot, "start-screen");

        robot.interact(() -> workbench.startViewModel().open(bundle));
        WorkbenchFx.waitUntil(() -> workbench.state().review() != null);
        ObjectRow ingress = workbench.state().review().rows().stream()
                .filter(r -> r.key().kind().equals("Ingress")).findFirst().orElseThrow();
        robot.interact(() -> workbench.state().select(ingress.key()));
        shoot(robot, "main-window-light");

        robot.interact(() -> workbench.state().setTheme(Theme.DARK));
        shoot(robot, "main-window-dark");
        robot.interact(() -> workbench.state().setTheme(Theme.LIGHT));

        robot.interact(() -> workbench.state().setPresentation(true));
        shoot(robot, "presentation-mode");
        robot.interact(() -> workbench.state().setPresentation(false));
    }

    private void shoot(FxRobot robot, String name) throws IOException {
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> { });
        WaitForAsyncUtils.waitForFxEvents();
        Path dir = Path.of(System.getProperty("ferry.screenshots.dir", "../screenshots"));
        Files.createDirectories(dir);
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> {
            Node root = stage.getScene().getRoot();
            image[0] = root.snapshot(null, null);
        });
        ImageIO.write(SwingFXUtils.fromFXImage(image[0], null), "png", dir.resolve(name + ".png").toFile());
    }
}
