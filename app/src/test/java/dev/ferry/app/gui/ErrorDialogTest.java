package dev.ferry.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.app.error.ErrorDialog;
import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class ErrorDialogTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 400, 300));
        stage.show();
    }

    @Test
    void saysWhatFailedInWordsAndKeepsTheStackTraceInTheDetails(FxRobot robot) {
        Alert[] alert = new Alert[1];
        robot.interact(() -> {
            alert[0] = ErrorDialog.create(stage, "Opening shop-migration",
                    new IllegalStateException("outer", new java.io.IOException("disk unplugged")));
            alert[0].show();
        });

        assertThat(alert[0].getHeaderText()).isEqualTo("Opening shop-migration failed unexpectedly.");
        assertThat(alert[0].getContentText()).contains("IOException: disk unplugged").contains("Nothing you did is lost");
        TextArea details = (TextArea) alert[0].getDialogPane().getExpandableContent().lookup("#errorDetails");
        assertThat(details.getText()).contains("java.lang.IllegalStateException: outer")
                .contains("Caused by: java.io.IOException: disk unplugged");
        robot.interact(alert[0]::close);
    }
}
