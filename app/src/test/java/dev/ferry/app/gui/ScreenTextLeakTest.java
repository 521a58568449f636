package dev.ferry.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.app.Workbench;
import dev.ferry.app.editor.CodeView;
import dev.ferry.app.review.ObjectRow;
import dev.ferry.model.ResourceKey;
import dev.ferry.sandbox.DemoEstate;
import dev.ferry.testkit.CanarySearch;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.text.Text;
import javafx.scene.web.WebView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.fxmisc.richtext.GenericStyledArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The secret-leak sweep of what the workbench shows, which is what its screenshots are made of: on the demo estate,
 * every Secret, SecretProviderClass and workload is opened in the diff, and the text of every node on screen (labels,
 * tables, the YAML editors, text fields) and of the report window is searched for the demo's Secret canaries in plain,
 * URL-encoded and base64 forms.
 */
@ExtendWith(ApplicationExtension.class)
class ScreenTextLeakTest {

    private static final Set<String> OPENED_KINDS = Set.of("Secret", "SecretProviderClass", "Deployment",
            "StatefulSet", "CronJob");

    /** Every demo canary starts with the prefix, so the prefix's forms find every canary's forms. */
    private static final CanarySearch CANARIES = new CanarySearch(Map.of(DemoEstate.CANARY_PREFIX, "the demo canary"));

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
    void noSecretValueIsShownInAnyViewOrTheReport(FxRobot robot) throws Exception {
        robot.clickOn("#demoButton");
        WorkbenchFx.waitUntil(180, () -> workbench.state().review() != null);
        List<ResourceKey> opened = workbench.treeViewModel().treeProperty().get().visible().stream()
                .map(ObjectRow::key).filter(key -> OPENED_KINDS.contains(key.kind())).toList();
        assertThat(opened).as("objects to open").extracting(ResourceKey::kind).contains("Secret");

        assertThat(CANARIES.find("self-check", "value: " + DemoEstate.CANARY_PREFIX + "x")).isNotEmpty();
        List<String> leaks = new ArrayList<>();
        int secretsShown = 0;
        int yamlShown = 0;
        for (ResourceKey key : opened) {
            robot.interact(() -> workbench.state().select(key));
            WorkbenchFx.waitUntil(() -> robot.lookup("#diffTitle").tryQuery().isPresent()
                    && robot.lookup("#diffTitle").queryAs(Label.class).getText().contains(key.name()));
            String screen = screenText();
            leaks.addAll(CANARIES.find(key.toString(), screen));
            yamlShown += screen.contains("apiVersion:") && screen.contains(key.name()) ? 1 : 0;
            if (key.kind().equals("Secret") && (screen.contains("SHA-256") || screen.contains("sha256"))) {
                secretsShown++;
            }
        }
        assertThat(secretsShown).as("Secrets whose keys and value digests were on screen").isPositive();
        assertThat(yamlShown).as("objects whose YAML the sweep read from the editors").isEqualTo(opened.size());

        robot.interact(workbench::showReport);
        WorkbenchFx.waitUntil(60, () -> !reportHtml(robot).isBlank() && reportHtml(robot).contains("Ferry"));
        leaks.addAll(CANARIES.find("report window", reportHtml(robot)));

        assertThat(leaks).as("canaries on screen").isEmpty();
    }

    private static String reportHtml(FxRobot robot) {
        AtomicReference<String> html = new AtomicReference<>("");
        robot.interact(() -> robot.lookup("#reportWebView").tryQueryAs(WebView.class).ifPresent(web -> {
            Object text = web.getEngine().executeScript(
                    "document.documentElement ? document.documentElement.outerHTML : ''");
            html.set(text == null ? "" : text.toString());
        }));
        return html.get();
    }

    /** The text of every node in every open window, read on the FX thread. */
    private static String screenText() throws Exception {
        return org.testfx.util.WaitForAsyncUtils.asyncFx(() -> {
            StringBuilder text = new StringBuilder();
            for (Window window : Window.getWindows()) {
                if (window.getScene() != null) {
                    collect(window.getScene().getRoot(), text);
                }
            }
            return text.toString();
        }).get();
    }

    private static void collect(Node node, StringBuilder text) {
        if (node instanceof Labeled labeled && labeled.getText() != null) {
            text.append(labeled.getText()).append('\n');
        }
        if (node instanceof TextInputControl input && input.getText() != null) {
            text.append(input.getText()).append('\n');
        }
        if (node instanceof Text shown && shown.getText() != null) {
            text.append(shown.getText()).append('\n');
        }
        if (node instanceof CodeView view) { // drawn on a canvas: what it draws is its document's text
            text.append(view.document().text()).append('\n');
        }
        if (node instanceof GenericStyledArea<?, ?, ?> area) {
            text.append(area.getText()).append('\n');
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collect(child, text));
        }
    }
}
