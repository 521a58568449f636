package dev.ferry.app.main;

import javafx.scene.control.TextInputDialog;
import javafx.stage.Window;

/** Asks for the name recorded on approvals. */
final class ReviewerNameDialog {

    private ReviewerNameDialog() {
    }

    static void ask(Window owner, MainViewModel model) {
        TextInputDialog dialog = new TextInputDialog(model.reviewerProperty().get());
        dialog.initOwner(owner);
        dialog.setTitle("Reviewer name");
        dialog.setHeaderText("The name Ferry records on your approvals, rejections and comments.");
        dialog.setContentText("Name:");
        dialog.getEditor().setId("reviewerNameField");
        dialog.showAndWait().ifPresent(model::setReviewer);
    }
}
