package dev.ferry.app.error;

import java.io.PrintWriter;
import java.io.StringWriter;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.stage.Window;

/** The dialog for the unexpected: what failed in plain words, the stack trace in an expandable details pane. */
public final class ErrorDialog {

    private ErrorDialog() {
    }

    public static Alert create(Window owner, String what, Throwable error) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        if (owner != null) {
            alert.initOwner(owner);
        }
        alert.setTitle("Ferry: something went wrong");
        alert.setHeaderText(what + " failed unexpectedly.");
        alert.setContentText(message(error) + "\n\nNothing you did is lost: the review is saved after every "
                + "decision. Details for a bug report are below.");
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        TextArea details = new TextArea(trace.toString());
        details.setId("errorDetails");
        details.setEditable(false);
        details.setWrapText(false);
        details.setMaxWidth(Double.MAX_VALUE);
        details.setMaxHeight(Double.MAX_VALUE);
        GridPane.setVgrow(details, Priority.ALWAYS);
        GridPane.setHgrow(details, Priority.ALWAYS);
        GridPane pane = new GridPane();
        pane.setMaxWidth(Double.MAX_VALUE);
        pane.add(new Label("Stack trace:"), 0, 0);
        pane.add(details, 0, 1);
        alert.getDialogPane().setExpandableContent(pane);
        alert.getDialogPane().setId("errorDialog");
        return alert;
    }

    private static String message(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getMessage();
        return root.getClass().getSimpleName() + (text == null || text.isBlank() ? "" : ": " + text);
    }
}
