package dev.ferry.app.diff;

import static dev.ferry.app.diff.FxTesting.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.app.editor.CodeView;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Renders the diff components into {@code target/screenshots/} in both themes, to be looked at. */
@ExtendWith(ApplicationExtension.class)
class DiffScreenshotsTest {

    private StackPane root;
    private Scene scene;

    @Start
    void start(Stage stage) {
        root = new StackPane();
        scene = new Scene(root, 1400, 760);
        stage.setScene(scene);
        stage.show();
    }

    private EdgeDiffTabs ingressTabs(FxRobot robot, boolean dark) {
        EdgeDiffTabs tabs = new EdgeDiffTabs();
        robot.interact(() -> {
            if (dark) {
                FxTesting.darkTheme();
            } else {
                FxTesting.lightTheme();
            }
            tabs.setSideTitles("Source (AKS)", "Proposed (EKS)");
            tabs.setEditable(true);
            root.getChildren().setAll(tabs);
            tabs.show("Ingress shop/storefront", Fixtures.agicIngress(), Fixtures.albIngress(),
                    EdgeDiffTabsTest.ingressEdges());
        });
        await(() -> tabs.allChangesView().viewModel().diffProperty().get() != null);
        robot.interact(() -> tabs.allChangesView().nextChange());
        await(() -> tabs.allChangesView().sourceEditor().highlightedProperty().get());
        return tabs;
    }

    @Test
    void rendersTheIngressDiffInLightAndDark(FxRobot robot) {
        for (boolean dark : new boolean[] {false, true}) {
            ingressTabs(robot, dark);
            Path file = FxTesting.screenshot(scene, "diff-ingress-" + (dark ? "dark" : "light"));
            assertThat(file).exists();
        }
    }

    @Test
    void rendersTheMiddleOfATwoThousandLineDiffLevel(FxRobot robot) {
        DiffView view = new DiffView();
        String source = Fixtures.bigDeployment(250, false);
        robot.interact(() -> {
            FxTesting.lightTheme();
            root.getChildren().setAll(view);
            view.show("Source (AKS)", "Proposed (EKS)", source, Fixtures.bigDeployment(250, true));
        });
        await(() -> view.viewModel().diffProperty().get() != null
                && view.sourceEditor().highlightedProperty().get()
                && view.proposedEditor().highlightedProperty().get());
        int line = LineDiffer.lines(source).indexOf("        - name: c150");
        robot.interact(() -> {
            CodeView shown = view.sourceEditor().view();
            shown.scrollYProperty().set(shown.document().rowStart(line) * shown.lineHeight());
        });
        await(() -> {
            CodeView follower = view.proposedEditor().view();
            return follower.document().line(follower.topLine()).contains("c150");
        });

        assertThat(FxTesting.screenshot(scene, "diff-big-scrolled-light")).exists();
    }

    @Test
    void rendersAnEditErrorAndASecret(FxRobot robot) throws Exception {
        EdgeDiffTabs tabs = ingressTabs(robot, false);
        DiffView view = tabs.allChangesView();
        robot.interact(() -> {
            view.proposedEditor().startEditing();
            view.proposedEditor().area().replaceText(Fixtures.albIngress().replace("  labels:\n", "  labels: [oops\n"));
        });
        await(() -> !view.viewModel().editErrorProperty().get().isEmpty());
        assertThat(FxTesting.screenshot(scene, "diff-edit-error-light")).exists();

        String secret = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\n  namespace: shop\n"
                + "type: Opaque\ndata:\n  password: aHVudGVyMg==\n  username: YWRtaW4=\n";
        robot.interact(() -> {
            FxTesting.darkTheme();
            tabs.show("Secret shop/db", secret, secret.replace("Opaque", "Opaque\nimmutable: true"),
                    java.util.List.of());
        });
        await(() -> view.viewModel().diffProperty().get() != null);
        Path file = FxTesting.screenshot(scene, "diff-secret-dark");
        assertThat(Files.size(file)).isPositive();
    }
}
