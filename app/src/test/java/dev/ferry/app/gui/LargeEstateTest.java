package dev.ferry.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.app.Workbench;
import dev.ferry.app.fixture.TestBundles;
import dev.ferry.app.review.ObjectRow;
import dev.ferry.app.tree.TreeEntry;
import dev.ferry.engine.Edge;
import java.nio.file.Path;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A generated 10,000-object estate opens, and the tree scrolls, filters and walks to the next change. How long the FX
 * thread stalled is logged (benchmarks measure it; tests do not assert timing).
 */
@ExtendWith(ApplicationExtension.class)
class LargeEstateTest {

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
    void tenThousandObjectsOpenScrollAndFilter(FxRobot robot) throws Exception {
        Path bundle = TestBundles.generated(temp, 10_000);
        robot.interact(() -> workbench.startViewModel().open(bundle));
        WorkbenchFx.waitUntil(180, () -> workbench.state().review() != null
                && workbench.treeViewModel().treeProperty().get().total() > 0);
        int total = workbench.state().review().rows().size();
        phase("open");
        assertThat(total).isGreaterThanOrEqualTo(10_000);
        workbench.stalls().reset();

        @SuppressWarnings("unchecked")
        TreeTableView<TreeEntry> tree = robot.lookup("#objectTree").queryAs(TreeTableView.class);
        robot.interact(() -> tree.getRoot().getChildren().forEach(ns -> ns.setExpanded(true)));
        phase("expand");
        robot.clickOn(tree);
        for (int i = 0; i < 20; i++) {
            robot.type(KeyCode.PAGE_DOWN);
        }
        robot.type(KeyCode.END);
        phase("scroll");

        robot.interact(() -> workbench.treeViewModel().edgeProperty().set(Edge.INGRESS));
        WorkbenchFx.waitUntil(() -> workbench.treeViewModel().treeProperty().get().visible().stream()
                .allMatch(row -> row.edges().contains(Edge.INGRESS)));
        phase("edge filter");
        robot.clickOn("#treeFilterText").write("app3");
        WorkbenchFx.waitUntil(() -> workbench.treeViewModel().treeProperty().get().visible().stream()
                .allMatch(row -> row.key().name().contains("app3")));
        assertThat(workbench.treeViewModel().treeProperty().get().visible()).isNotEmpty();
        phase("text filter");

        robot.clickOn(tree).type(KeyCode.J);
        WorkbenchFx.waitUntil(() -> workbench.state().selection() != null);
        ObjectRow selected = workbench.state().review().row(workbench.state().selection()).orElseThrow();
        assertThat(selected.needsMe()).isTrue();
        TreeItem<TreeEntry> item = tree.getSelectionModel().getSelectedItem();
        assertThat(((TreeEntry.Leaf) item.getValue()).row().key()).isEqualTo(selected.key());

        phase("next change");
    }

    private void phase(String name) {
        LoggerFactory.getLogger(LargeEstateTest.class).info("longest FX-thread stall during {}: {} ms", name,
                workbench.stalls().longestStallMillis());
        workbench.stalls().reset();
    }
}
