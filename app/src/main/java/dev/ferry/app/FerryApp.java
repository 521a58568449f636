package dev.ferry.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The workbench application. */
public final class FerryApp extends Application {

    @Override
    public void start(Stage stage) {
        stage.setTitle("Ferry");
        stage.setScene(new Scene(new Label("Ferry"), 1280, 800));
        stage.show();
    }
}
