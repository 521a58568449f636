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
    private final WorkbenchState state;
    private dev.ferry.model.ResourceKey shownKey;

    public DiffPane(DiffPaneViewModel model, WorkbenchState state) {
        this.model = model;
        this.state = state;
        setId("diffArea");
        hint.setId("diffPlaceholder");
        hint.getStyleClass().add("placeholder-text");
        getChildren().addAll(tabs, hint);
        tabs.setSideTitles("Source", "Proposed");
        tabs.setOnEdit(yaml -> model.saveEdit(shownKey, yaml));
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
        if (tabs.unsavedEditProperty().get() && shownKey != null) {
            if (content != null && content.key().equals(shownKey)) {
                return; // the same object again (say, after another decision): keep the edit in progress
            }
            if (!keepOrSaveEdit()) {
                state.select(shownKey); // the edit is invalid: go back to it rather than lose it
                return;
            }
        }
        shownKey = content == null ? null : content.key();
        tabs.setVisible(content != null);
        hint.setVisible(content == null);
        if (content != null) {
            tabs.setEditable(content.editable());
            tabs.show(content.title(), content.source(), content.proposed(), content.perEdge());
        }
    }

    /**
     * The user moved away from an object with an unsaved edit: save it or drop it, as they say. False when they
     * chose to save but the edit is not valid, so the caller returns to it.
     */
    private boolean keepOrSaveEdit() {
        javafx.scene.control.ButtonType save = new javafx.scene.control.ButtonType("Save edit",
                javafx.scene.control.ButtonBar.ButtonData.YES);
        javafx.scene.control.ButtonType discard = new javafx.scene.control.ButtonType("Discard",
                javafx.scene.control.ButtonBar.ButtonData.NO);
        javafx.scene.control.Alert alert = new javafx.scene.control.Alert(
                javafx.scene.control.Alert.AlertType.CONFIRMATION, "Your edit of " + shownKey
                + " is not saved. Save it as a manual change?", save, discard);
        if (getScene() != null) {
            alert.initOwner(getScene().getWindow());
        }
        alert.setTitle("Unsaved edit");
        alert.getDialogPane().setId("unsavedEditDialog");
        boolean wantsSave = alert.showAndWait().orElse(save) == save;
        return !wantsSave || tabs.allChangesView().saveEdit();
    }

    /** The tabs, so the workbench can select an edge's tab. */
    public EdgeDiffTabs tabs() {
        return tabs;
    }
}
