package dev.ferry.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.app.Workbench;
import dev.ferry.app.fixture.TestBundles;
import dev.ferry.app.review.ObjectRow;
import dev.ferry.app.theme.ThemeController;
import dev.ferry.app.tree.TreeEntry;
import dev.ferry.engine.Edge;
import dev.ferry.model.ResourceKey;
import dev.ferry.plan.review.ReviewStatus;
import java.nio.file.Path;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The tree, the inspector and presentation mode on the store demo, driven as a user would. */
@ExtendWith(ApplicationExtension.class)
class ReviewScreenTest {

    @TempDir
    Path temp;

    private Workbench workbench;

    @Start
    void start(Stage stage) {
        workbench = WorkbenchFx.start(stage, temp.resolve("config"));
    }

    @BeforeEach
    void openStoreDemo(FxRobot robot) throws Exception {
        Path bundle = TestBundles.storeDemo(temp);
        robot.interact(() -> workbench.startViewModel().open(bundle));
        WorkbenchFx.waitUntil(() -> workbench.state().review() != null
                && robot.lookup("#objectTree").tryQuery().isPresent()
                && !tree(robot).getRoot().getChildren().isEmpty());
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    @SuppressWarnings("unchecked")
    private static TreeTableView<TreeEntry> tree(FxRobot robot) {
        return robot.lookup("#objectTree").queryAs(TreeTableView.class);
    }

    private ResourceKey ingress() {
        return workbench.state().review().rows().stream().filter(r -> r.key().kind().equals("Ingress"))
                .map(ObjectRow::key).findFirst().orElseThrow();
    }

    @Test
    void filteringToTheIngressEdgeLeavesOnlyIngressObjectsInTheTree(FxRobot robot) {
        @SuppressWarnings("unchecked")
        ComboBox<Object> edges = robot.lookup("#treeFilterEdge").queryAs(ComboBox.class);
        robot.interact(() -> edges.getItems().stream().filter(item -> item.toString().equals("ingress"))
                .findFirst().ifPresent(edges::setValue));
        WorkbenchFx.waitUntil(() -> workbench.treeViewModel().edgeProperty().get() == Edge.INGRESS);

        WorkbenchFx.waitUntil(() -> leaves(tree(robot).getRoot()) == workbench.treeViewModel().treeProperty().get()
                .visible().size());
        assertThat(workbench.treeViewModel().treeProperty().get().visible())
                .allMatch(row -> row.edges().contains(Edge.INGRESS));
        assertThat(robot.lookup("#treeSummary").queryAs(Label.class).getText()).contains(" of ");
    }

    @Test
    void typingInTheFilterNarrowsTheTree(FxRobot robot) {
        robot.clickOn("#treeFilterText").write("rabbitmq");

        WorkbenchFx.waitUntil(() -> workbench.treeViewModel().treeProperty().get().visible().stream()
                .allMatch(r -> r.key().name().contains("rabbitmq")));
        assertThat(leaves(tree(robot).getRoot())).isPositive();
    }

    @Test
    void selectingAnObjectShowsItsChangesAndAApprovesThem(FxRobot robot) {
        ResourceKey ingress = ingress();
        robot.interact(() -> workbench.state().select(ingress));
        WorkbenchFx.waitUntil(() -> tree(robot).getSelectionModel().getSelectedItem() != null);

        assertThat(robot.lookup("#inspectorTitle").queryAs(Label.class).getText()).isEqualTo("Ingress store-front");
        assertThat(robot.lookup("#changeCard-0").tryQuery()).isPresent();

        robot.interact(() -> tree(robot).requestFocus());
        robot.type(KeyCode.A);

        WorkbenchFx.waitUntil(() -> workbench.state().review().changesFor(ingress).stream()
                .allMatch(c -> c.status() == ReviewStatus.APPROVED));
        WorkbenchFx.waitUntil(() -> robot.lookup("#decisionLine").tryQuery().isPresent());
        assertThat(robot.lookup("#decisionLine").queryAs(Label.class).getText()).contains("Approved by alice");

        robot.interact(() -> tree(robot).requestFocus());
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        WorkbenchFx.waitUntil(() -> workbench.state().review().changesFor(ingress).stream()
                .allMatch(c -> c.status() == ReviewStatus.PENDING));

        robot.clickOn("#menuReview").clickOn("#menuRedo");
        WorkbenchFx.waitUntil(() -> workbench.state().review().changesFor(ingress).stream()
                .allMatch(c -> c.status() == ReviewStatus.APPROVED));
    }

    @Test
    void jMovesToTheNextObjectThatNeedsMe(FxRobot robot) {
        robot.interact(() -> tree(robot).requestFocus());
        robot.type(KeyCode.J);

        WorkbenchFx.waitUntil(() -> workbench.state().selection() != null);
        ResourceKey first = workbench.state().selection();
        assertThat(workbench.state().review().row(first).orElseThrow().needsMe()).isTrue();
        TreeItem<TreeEntry> selected = tree(robot).getSelectionModel().getSelectedItem();
        assertThat(((TreeEntry.Leaf) selected.getValue()).row().key()).isEqualTo(first);
    }

    @Test
    void approveAllForAnEdgeAsksWithTheCountFirst(FxRobot robot) {
        robot.interact(() -> workbench.state().select(ingress()));
        robot.clickOn("#approveAllMenu").clickOn("#approveEdge-ingress");
        WorkbenchFx.waitUntil(() -> robot.lookup("#confirmDialog").tryQuery().isPresent());

        assertThat(robot.lookup("#confirmOk").queryButton().getText()).startsWith("Approve 1");
        robot.clickOn("#confirmOk");

        WorkbenchFx.waitUntil(() -> workbench.state().review().changesFor(ingress()).stream()
                .allMatch(c -> c.status() == ReviewStatus.APPROVED));
    }

    @Test
    void ctrlMShowsOnlyWhatNeedsMe(FxRobot robot) {
        int before = workbench.treeViewModel().treeProperty().get().visible().size();

        robot.interact(() -> tree(robot).requestFocus());
        robot.press(KeyCode.CONTROL).type(KeyCode.M).release(KeyCode.CONTROL);

        WorkbenchFx.waitUntil(() -> workbench.treeViewModel().needsMeOnlyProperty().get());
        WorkbenchFx.waitUntil(() -> workbench.treeViewModel().treeProperty().get().visible().size() < before);
        assertThat(workbench.treeViewModel().treeProperty().get().visible()).allMatch(ObjectRow::needsMe);
    }

    @Test
    void f11TogglesPresentationModeWithLargerFonts(FxRobot robot) {
        double before = robot.lookup("#inspectorTitle").queryAs(Label.class).getFont().getSize();

        robot.interact(() -> tree(robot).requestFocus());
        robot.type(KeyCode.F11);

        WorkbenchFx.waitUntil(() -> workbench.scene().getRoot().getStyleClass()
                .contains(ThemeController.PRESENTATION));
        WorkbenchFx.waitUntil(() -> robot.lookup("#inspectorTitle").queryAs(Label.class).getFont().getSize() > before);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.P).release(KeyCode.SHIFT, KeyCode.CONTROL);
        WorkbenchFx.waitUntil(() -> !workbench.state().presentationProperty().get());
    }

    private static int leaves(TreeItem<TreeEntry> item) {
        if (item.getValue() instanceof TreeEntry.Leaf) {
            return 1;
        }
        int count = 0;
        for (TreeItem<TreeEntry> child : item.getChildren()) {
            count += leaves(child);
        }
        return count;
    }
}
