package dev.ferry.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.app.Workbench;
import dev.ferry.app.fixture.MergedKubeconfig;
import dev.ferry.sandbox.SandboxPair;
import java.nio.file.Path;
import java.time.Duration;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.controlsfx.control.SearchableComboBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Connect clusters from the start screen: a kubeconfig, a source and a target context; the estate opens for review. */
@ExtendWith(ApplicationExtension.class)
class ConnectDialogTest {

    @TempDir
    Path temp;

    private Workbench workbench;
    private SandboxPair sandboxes;

    @Start
    void start(Stage stage) {
        workbench = WorkbenchFx.start(stage, temp.resolve("config"));
    }

    @AfterEach
    void close() {
        workbench.close();
        if (sandboxes != null) {
            sandboxes.close();
        }
    }

    @Test
    void connectingASourceAndATargetReadsTheEstateAndFlagsNothing(FxRobot robot) throws Exception {
        sandboxes = SandboxPair.start(temp.resolve("sandboxes"), SandboxPair.Estate.DEMO, 0, Duration.ofMillis(50));
        Path kubeconfig = MergedKubeconfig.write(sandboxes.sourceKubeconfig(), sandboxes.targetKubeconfig(),
                temp.resolve("kubeconfig"));

        WorkbenchFx.loadContexts(robot, kubeconfig, 2);
        SearchableComboBox<String> source = WorkbenchFx.contextChooser(robot, "#sourceContext");
        SearchableComboBox<String> target = WorkbenchFx.contextChooser(robot, "#targetContext");
        assertThat(source.getValue()).isEqualTo(SandboxPair.SOURCE_CONTEXT);

        robot.interact(() -> target.setValue(SandboxPair.SOURCE_CONTEXT));
        assertThat(robot.lookup("#connectWarning").queryAs(Label.class).getText()).contains("same context");
        robot.interact(() -> target.setValue(SandboxPair.TARGET_CONTEXT));
        assertThat(robot.lookup("#connectWarning").queryAs(Label.class).getText()).isEmpty();
        robot.clickOn("#connectClusters");

        WorkbenchFx.waitUntil(60, () -> workbench.state().review() != null);
        assertThat(workbench.state().targetProperty().get().context()).isEqualTo(SandboxPair.TARGET_CONTEXT);
        assertThat(workbench.state().sourceProperty().get().version()).isPresent();
        assertThat(robot.lookup("#targetConnection").queryAs(Label.class).getText())
                .contains(SandboxPair.TARGET_CONTEXT);
        assertThat(robot.lookup("#targetWarning").queryAs(Label.class).isVisible()).isFalse();
        assertThat(workbench.state().review().rows()).anyMatch(r -> r.key().namespace().equals("storefront"));
        workbench.state().review().session().close();
    }
}
