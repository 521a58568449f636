package dev.ferry.app.main;

import dev.ferry.app.state.WorkbenchState;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;

/**
 * The centre of the workbench, where the per-edge diff tabs of the selected object go. Until the diff component is
 * part of the build it says so plainly instead of showing anything made up.
 */
public final class DiffSlot extends StackPane {

    private final Label note = new Label();

    public DiffSlot(WorkbenchState state) {
        setId("diffArea");
        note.setId("diffPlaceholder");
        note.getStyleClass().add("placeholder-text");
        note.setWrapText(true);
        getChildren().add(note);
        state.selectionProperty().addListener((obs, old, now) -> note.setText(now == null
                ? "Select an object in the tree to see its changes."
                : "The side-by-side diff of " + now + " is not part of this build yet; the inspector lists its "
                        + "changes."));
        note.setText("Select an object in the tree to see its changes.");
    }
}
