package dev.ferry.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.app.Workbench;
import dev.ferry.app.fixture.TestBundles;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class StartScreenTest {

    @TempDir
    Path temp;

    private Workbench workbench;

    @Start
    void start(Stage stage) {
        workbench = WorkbenchFx.start(stage, temp.resolve("config"));
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    @Test
    void offersTheDemoConnectOpenAndRecentBundlesAndSaysTheDemoIsSimulated(FxRobot robot) {
        assertThat(robot.lookup("#startScreen").query().isVisible()).isTrue();
        assertThat(robot.lookup("#demoButton").queryAs(Button.class).getText()).isEqualTo("Demo estate");
        assertThat(robot.lookup("#connectButton").tryQuery()).isPresent();
        assertThat(robot.lookup("#openFolderButton").tryQuery()).isPresent();
        assertThat(robot.lookup("#openZipButton").tryQuery()).isPresent();
        assertThat(robot.lookup("#recentBundles").tryQuery()).isPresent();
        assertThat(robot.lookup("#demoStatement").queryAs(Label.class).getText()).contains("simulated");
    }

    @Test
    void typingABundlePathOpensTheWorkbenchAndRemembersTheBundle(FxRobot robot) throws Exception {
        Path bundle = TestBundles.storeDemo(temp);

        robot.clickOn("#bundlePathField").write(bundle.toString()).clickOn("#openPathButton");
        WorkbenchFx.waitUntil(() -> robot.lookup("#workbench").query().isVisible());

        assertThat(robot.lookup("#startScreen").query().isVisible()).isFalse();
        assertThat(robot.lookup("#objectTree").tryQuery()).isPresent();
        assertThat(workbench.stage().getTitle()).contains("store-demo");
        assertThat(workbench.context().preferences().recentBundles()).contains(bundle.toAbsolutePath().normalize());
    }

    @Test
    void aTaskThatCannotTellHowFarItIsShowsItsSecondsInsteadOfAnAnimatedBar(FxRobot robot) throws Exception {
        java.util.concurrent.CountDownLatch halfway = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch finish = new java.util.concurrent.CountDownLatch(1);
        robot.interact(() -> workbench.context().runner().run("Waiting for the test", progress -> {
            halfway.await();
            progress.update(0.5, "Half done");
            finish.await();
            return null;
        }, done -> { }, failed -> { }));
        Label waited = robot.lookup("#statusWaited").queryAs(Label.class);
        javafx.scene.control.ProgressBar bar = robot.lookup("#statusProgress").queryAs(javafx.scene.control.ProgressBar.class);

        WorkbenchFx.waitUntil(() -> waited.getText().equals("1 s"));
        assertThat(waited.isVisible()).isTrue();
        assertThat(bar.isVisible()).isFalse();
        assertThat(robot.lookup("#startBusy").queryAs(javafx.scene.control.ProgressIndicator.class).isIndeterminate())
                .as("the start screen's indicator never spins").isFalse();

        halfway.countDown();
        WorkbenchFx.waitUntil(bar::isVisible);
        assertThat(bar.getProgress()).isEqualTo(0.5);
        assertThat(bar.isIndeterminate()).isFalse();
        assertThat(waited.isVisible()).isFalse();
        assertThat(robot.lookup("#statusMessage").queryAs(Label.class).getText()).isEqualTo("Half done");

        finish.countDown();
        WorkbenchFx.waitUntil(() -> !bar.isVisible());
    }

    @Test
    void aFolderThatIsNotABundleShowsTheReasonOnTheStartScreen(FxRobot robot) throws Exception {
        Path folder = Files.createDirectories(temp.resolve("not-a-bundle"));

        robot.clickOn("#bundlePathField").write(folder.toString()).type(javafx.scene.input.KeyCode.ENTER);
        WorkbenchFx.waitUntil(() -> !robot.lookup("#startError").queryAs(Label.class).getText().isEmpty());

        assertThat(robot.lookup("#startError").queryAs(Label.class).getText()).contains("not a Ferry bundle");
        assertThat(robot.lookup("#startScreen").query().isVisible()).isTrue();
    }

    @Test
    void reopensARecentBundleWithEnter(FxRobot robot) throws Exception {
        Path bundle = TestBundles.storeDemo(temp);
        robot.interact(() -> workbench.startViewModel().open(bundle));
        WorkbenchFx.waitUntil(() -> workbench.state().review() != null);
        robot.clickOn("#menuFile").clickOn("#menuClose");
        WorkbenchFx.waitUntil(() -> robot.lookup("#startScreen").query().isVisible());

        @SuppressWarnings("unchecked")
        ListView<Path> recent = robot.lookup("#recentBundles").queryAs(ListView.class);
        assertThat(recent.getItems()).hasSize(1);
        robot.clickOn(recent).interact(() -> recent.getSelectionModel().select(0));
        robot.type(javafx.scene.input.KeyCode.ENTER);

        WorkbenchFx.waitUntil(() -> workbench.state().review() != null);
    }
}
