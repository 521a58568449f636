package dev.ferry.app.main;

import dev.ferry.app.diff.EdgeDiffTabs;
import dev.ferry.app.state.WorkbenchState;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;

/** The centre of the workbench: the per-edge diff tabs of the selected object, or a hint when none is selected. */
public final class DiffPane extends StackPane {

    private final DiffPaneViewModel model;
    private final EdgeDiffTabs tabs = new EdgeDiffTabs();
    private final Label hint = new Label("Select an object in the tree to see its changes side by side.");

    public DiffPane(DiffPaneViewModel model, WorkbenchState state) {
        this.model = model;
        setId("diffArea");
        hint.setId("diffPlaceholder");
        hint.getStyleClass().add("placeholder-text");
        getChildren().addAll(tabs, hint);
        tabs.setSideTitles("Source", "Proposed");
        tabs.setOnEdit(model::saveEdit);
        model.contentProperty().addListener((obs, old, now) -> show(now));
        state.reviewProperty().addListener((obs, old, now) -> {
            if (now != null) {
                String[] sides = now.direction().id().toUpperCase(java.util.Locale.ROOT).split("-TO-");
                tabs.setSideTitles("Source (" + sides[0] + ")", "Proposed (" + sides[sides.length - 1] + ")");
            }
        });
        tabs.fontSizeProperty().set(13);
        state.presentationProperty().addListener((obs, old, on) -> tabs.fontSizeProperty().set(on ? 18 : 13));
        show(null);
    }

    private void show(DiffPaneViewModel.DiffContent content) {
        tabs.setVisible(content != null);
        hint.setVisible(content == null);
        if (content != null) {
            tabs.setEditable(content.editable());
            tabs.show(content.title(), content.source(), content.proposed(), content.perEdge());
        }
    }

    /** The tabs, so the workbench can select an edge's tab. */
    public EdgeDiffTabs tabs() {
        return tabs;
    }
}
