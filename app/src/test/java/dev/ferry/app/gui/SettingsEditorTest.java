package dev.ferry.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.app.Workbench;
import dev.ferry.app.fixture.TestBundles;
import dev.ferry.app.review.ReviewSnapshot;
import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The settings editor: fill what is missing, see the value checked, save, and the proposal changes. */
@ExtendWith(ApplicationExtension.class)
class SettingsEditorTest {

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
    void fillingTheMissingAccountProposesTheImagesIntoItsRegistry(FxRobot robot) throws Exception {
        Path bundle = TestBundles.generated(temp, 60);
        robot.interact(() -> workbench.startViewModel().open(bundle));
        WorkbenchFx.waitUntil(() -> workbench.state().review() != null);
        ReviewSnapshot before = workbench.state().review();
        assertThat(pendingAccountFindings(before)).isPositive();

        robot.clickOn("#settingsButton");
        WorkbenchFx.waitUntil(() -> robot.lookup("#setting-aws-accountId").tryQuery().isPresent());
        assertThat(robot.lookup("#settingsSummary").queryAs(Label.class).getText()).contains("aws.accountId");
        assertThat(robot.lookup("#settingsBusy").queryAs(javafx.scene.control.ProgressIndicator.class)
                .isIndeterminate()).as("proposing again shows its progress, not a spinner").isFalse();
        robot.clickOn("#setting-aws-accountId").write("1111");
        WorkbenchFx.waitUntil(() -> robot.lookup("#problem-aws-accountId").queryAs(Label.class).isVisible());
        assertThat(robot.lookup("#settingsSave").queryAs(Button.class).isDisabled()).isTrue();
        robot.write("22223333");
        WorkbenchFx.waitUntil(() -> !robot.lookup("#settingsSave").queryAs(Button.class).isDisabled());
        robot.clickOn("#settingsSave");

        WorkbenchFx.waitUntil(60, () -> workbench.state().review() != before);
        ReviewSnapshot after = workbench.state().review();
        assertThat(after.settings().text("aws.accountId")).contains("111122223333");
        assertThat(pendingAccountFindings(after)).isZero();
        assertThat(robot.lookup("#settingsEditor").tryQuery()).isEmpty();
    }

    private static long pendingAccountFindings(ReviewSnapshot review) {
        return review.rows().stream().flatMap(r -> review.changesFor(r.key()).stream())
                .flatMap(c -> c.change().findings().stream())
                .filter(f -> f.settingKey().equals("aws.accountId")).count();
    }
}
