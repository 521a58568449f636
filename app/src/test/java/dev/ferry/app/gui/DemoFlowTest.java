package dev.ferry.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.app.Workbench;
import dev.ferry.app.diff.DiffView;
import dev.ferry.app.diff.EdgeDiffTabs;
import dev.ferry.app.review.ObjectRow;
import dev.ferry.app.tree.TreeEntry;
import dev.ferry.app.waves.WaveRow;
import dev.ferry.cluster.connect.TargetCluster;
import dev.ferry.engine.Edge;
import dev.ferry.model.ResourceKey;
import dev.ferry.plan.bundle.ClusterOrigin;
import dev.ferry.plan.review.ReviewStatus;
import dev.ferry.plan.waves.BlockerKind;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The whole flow as a user walks it: demo estate → filter to the ingress edge → open the storefront Ingress → see the
 * AGIC → ALB diff → approve → approve the rest → plan waves → dry-run → apply → the target sandbox holds the objects
 * → rollback → the target is back as it was.
 */
@ExtendWith(ApplicationExtension.class)
class DemoFlowTest {

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

    @SuppressWarnings("unchecked")
    private static TreeTableView<TreeEntry> tree(FxRobot robot) {
        return robot.lookup("#objectTree").queryAs(TreeTableView.class);
    }

    @Test
    void demoEstateFromReviewToApplyAndRollback(FxRobot robot) throws Exception {
        robot.clickOn("#demoButton");
        WorkbenchFx.waitUntil(180, () -> workbench.state().review() != null
                && workbench.state().targetClusterProperty().get() != null);
        assertThat(robot.lookup("#targetConnection").queryAs(Label.class).getText()).contains("ferry-sandbox-target");
        assertThat(ClusterOrigin.fromManifest(workbench.state().review().session().manifest()))
                .as("the bundle records the cluster it came from, so apply can refuse it")
                .hasValueSatisfying(origin -> assertThat(origin.context()).isEqualTo("ferry-sandbox-source"));

        @SuppressWarnings("unchecked")
        ComboBox<Object> edges = robot.lookup("#treeFilterEdge").queryAs(ComboBox.class);
        robot.interact(() -> edges.getItems().stream().filter(item -> item.toString().equals("ingress"))
                .findFirst().ifPresent(edges::setValue));
        WorkbenchFx.waitUntil(() -> workbench.treeViewModel().treeProperty().get().visible().stream()
                .allMatch(row -> row.edges().contains(Edge.INGRESS)));
        ResourceKey storefront = workbench.treeViewModel().treeProperty().get().visible().stream()
                .map(ObjectRow::key).filter(k -> k.kind().equals("Ingress") && k.name().equals("storefront"))
                .findFirst().orElseThrow();
        robot.interact(() -> selectInTree(tree(robot), storefront));
        WorkbenchFx.waitUntil(() -> storefront.equals(workbench.state().selection()));

        WorkbenchFx.waitUntil(() -> robot.lookup("#diffTitle").tryQuery().isPresent()
                && robot.lookup("#diffTitle").queryAs(Label.class).getText().contains("storefront"));
        TabPane edgeTabs = robot.lookup("#edgeTabs").queryAs(TabPane.class);
        assertThat(edgeTabs.getTabs()).anyMatch(tab -> tab.getText().startsWith("Ingress"));
        DiffView diff = robot.lookup(".edge-diff-tabs").queryAs(EdgeDiffTabs.class).allChangesView();
        assertThat(diff.sourceEditor().getText()).contains("appgw.ingress.kubernetes.io/ssl-redirect");
        assertThat(diff.proposedEditor().getText()).contains("alb.ingress.kubernetes.io/ssl-redirect")
                .doesNotContain("appgw.ingress.kubernetes.io/ssl-redirect");
        assertThat(diff.viewModel().changeCountProperty().get()).isPositive();

        robot.interact(() -> tree(robot).requestFocus());
        robot.type(KeyCode.A);
        WorkbenchFx.waitUntil(() -> workbench.state().review().changesFor(storefront).stream()
                .allMatch(c -> c.status() == ReviewStatus.APPROVED));

        robot.clickOn("#menuReview").clickOn("#menuApproveAll");
        WorkbenchFx.waitUntil(() -> robot.lookup("#confirmOk").tryQuery().isPresent());
        robot.clickOn("#confirmOk");
        WorkbenchFx.waitUntil(60, () -> workbench.state().review().pendingChanges() == 0);

        robot.clickOn("#planWavesButton");
        WorkbenchFx.waitUntil(() -> workbench.state().review().plan().isPresent());
        List<WaveRow> waves = workbench.wavesViewModel().waves();
        assertThat(waves).noneMatch(w -> w.blockers().stream()
                .anyMatch(b -> b.kind() == BlockerKind.PENDING_CHANGE || b.kind() == BlockerKind.ACTION_REQUIRED));

        applyWave(robot, 0);
        WaveRow first = workbench.wavesViewModel().waves().get(1);
        ResourceKey member = first.wave().members().get(first.wave().members().size() - 1);
        TargetCluster target = workbench.state().targetClusterProperty().get();
        assertThat(target.get(member)).isEmpty();

        applyWave(robot, 1);
        assertThat(target.get(member)).as(member + " is on the target").isPresent();

        robot.interact(() -> workbench.wavesViewModel().selectedProperty().set(workbench.wavesViewModel().waves().get(1)));
        robot.clickOn("#rollbackButton");
        WorkbenchFx.waitUntil(() -> robot.lookup("#waveConfirmOk").tryQuery().isPresent());
        robot.clickOn("#waveConfirmOk");
        WorkbenchFx.waitUntil(120, () -> !workbench.waveRunViewModel().runningProperty().get()
                && workbench.waveRunViewModel().outcomeProperty().get().startsWith("Rolled back"));
        assertThat(target.get(member)).as(member + " is gone again").isEmpty();
    }

    private void applyWave(FxRobot robot, int number) {
        robot.interact(() -> workbench.wavesViewModel().selectedProperty()
                .set(workbench.wavesViewModel().waves().get(number)));
        robot.clickOn("#dryRunButton");
        WorkbenchFx.waitUntil(() -> robot.lookup("#waveConfirmOk").tryQuery().isPresent());
        assertThat(robot.lookup("#waveConfirmDialog").queryAs(javafx.scene.control.DialogPane.class).getContentText())
                .contains("ferry-sandbox-target");
        robot.clickOn("#waveConfirmOk");
        WorkbenchFx.waitUntil(120, () -> !workbench.waveRunViewModel().runningProperty().get()
                && !workbench.waveRunViewModel().outcomeProperty().get().isEmpty());
        assertThat(workbench.waveRunViewModel().outcomeProperty().get()).startsWith("Dry run passed");

        robot.clickOn("#applyButton");
        WorkbenchFx.waitUntil(() -> robot.lookup("#waveConfirmOk").tryQuery().isPresent());
        robot.clickOn("#waveConfirmOk");
        WorkbenchFx.waitUntil(180, () -> !workbench.waveRunViewModel().runningProperty().get()
                && !workbench.waveRunViewModel().outcomeProperty().get().isEmpty());
        assertThat(workbench.waveRunViewModel().outcomeProperty().get()).startsWith("Applied wave " + number);
        assertThat(robot.lookup("#waveObjects").queryAs(TableView.class).getItems()).isNotEmpty();
    }

    private static void selectInTree(TreeTableView<TreeEntry> tree, ResourceKey key) {
        for (TreeItem<TreeEntry> ns : tree.getRoot().getChildren()) {
            for (TreeItem<TreeEntry> kind : ns.getChildren()) {
                for (TreeItem<TreeEntry> leaf : kind.getChildren()) {
                    if (leaf.getValue() instanceof TreeEntry.Leaf l && l.row().key().equals(key)) {
                        ns.setExpanded(true);
                        kind.setExpanded(true);
                        tree.getSelectionModel().select(leaf);
                        return;
                    }
                }
            }
        }
        throw new AssertionError(key + " is not in the tree");
    }
}
