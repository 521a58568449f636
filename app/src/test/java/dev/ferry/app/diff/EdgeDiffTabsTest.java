package dev.ferry.app.diff;

import static dev.ferry.app.diff.FxTesting.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class EdgeDiffTabsTest {

    private EdgeDiffTabs tabs;

    @Start
    void start(Stage stage) {
        FxTesting.lightTheme();
        tabs = new EdgeDiffTabs();
        tabs.setSideTitles("Source (AKS)", "Proposed (EKS)");
        stage.setScene(new Scene(tabs, 1200, 700));
        stage.show();
    }

    static List<EdgeDiff> ingressEdges() {
        String classOnly = Fixtures.agicIngress().replace("azure-application-gateway", "alb");
        String labelOnly = Fixtures.agicIngress().replace("    app: storefront\n", "    app: storefront\n    team: web\n");
        return List.of(new EdgeDiff("ingress", "Ingress", classOnly, 4), new EdgeDiff("monitoring", "Monitoring",
                labelOnly, 1));
    }

    private List<String> titles(FxRobot robot) {
        return robot.lookup("#edgeTabs").queryAs(TabPane.class).getTabs().stream().map(Tab::getText).toList();
    }

    @Test
    void showsAnAllTabAndOneTabPerEdgeWithCounts(FxRobot robot) {
        robot.interact(() -> tabs.show("Ingress shop/storefront", Fixtures.agicIngress(), Fixtures.albIngress(),
                ingressEdges()));

        assertThat(titles(robot)).containsExactly("All changes (5)", "Ingress (4)", "Monitoring (1)");
        assertThat(tabs.selectedEdgeId()).contains(EdgeDiffTabs.ALL);
        await(() -> tabs.allChangesView().viewModel().changeCountProperty().get() == 3);
    }

    @Test
    void anEdgeTabShowsThatEdgesChangeAlone(FxRobot robot) {
        robot.interact(() -> tabs.show("Ingress shop/storefront", Fixtures.agicIngress(), Fixtures.albIngress(),
                ingressEdges()));

        robot.clickOn("Monitoring (1)");

        assertThat(tabs.selectedEdgeId()).contains("monitoring");
        await(() -> tabs.edgeView().viewModel().diffProperty().get() != null);
        assertThat(tabs.edgeView().viewModel().changeCountProperty().get()).isEqualTo(1);
        assertThat(tabs.edgeView().proposedEditor().getText()).contains("team: web").doesNotContain("alb");
        assertThat(tabs.edgeView().viewModel().proposedTitleProperty().get()).isEqualTo("Monitoring only");
    }

    @Test
    void keepsTheSelectedEdgeWhenTheNextObjectHasIt(FxRobot robot) {
        robot.interact(() -> tabs.show("Ingress shop/storefront", Fixtures.agicIngress(), Fixtures.albIngress(),
                ingressEdges()));
        robot.clickOn("Ingress (4)");

        robot.interact(() -> tabs.show("Ingress shop/checkout", Fixtures.agicIngress(), Fixtures.albIngress(),
                List.of(new EdgeDiff("ingress", "Ingress", Fixtures.albIngress(), 2))));
        assertThat(tabs.selectedEdgeId()).contains("ingress");
        assertThat(titles(robot)).containsExactly("All changes (2)", "Ingress (2)");

        robot.interact(() -> tabs.show("ConfigMap shop/settings", "a: 1\n", "a: 1\n", List.of()));
        assertThat(tabs.selectedEdgeId()).contains(EdgeDiffTabs.ALL);
        assertThat(titles(robot)).containsExactly("All changes");
    }

    @Test
    void onlyTheAllTabIsEditableAndItsSavedEditReachesTheOwner(FxRobot robot) {
        List<String> saved = new java.util.ArrayList<>();
        robot.interact(() -> {
            tabs.setEditable(true);
            tabs.setOnEdit(saved::add);
            tabs.show("Ingress shop/storefront", Fixtures.agicIngress(), Fixtures.albIngress(), ingressEdges());
        });
        String edited = Fixtures.albIngress().replace("target-type: ip", "target-type: instance");

        robot.interact(() -> {
            tabs.allChangesView().proposedEditor().startEditing();
            tabs.allChangesView().proposedEditor().area().replaceText(edited);
        });
        await(() -> tabs.allChangesView().viewModel().canSaveProperty().get());
        robot.interact(() -> tabs.allChangesView().saveEdit());

        assertThat(saved).containsExactly(edited);
        assertThat(tabs.edgeView().proposedEditor().isEditable()).isFalse();
    }
}
