package dev.ferry.app;

import dev.ferry.app.prefs.UserPreferences;
import javafx.application.Application;
import javafx.stage.Stage;

/** The workbench application. */
public final class FerryApp extends Application {

    private Workbench workbench;

    @Override
    public void start(Stage stage) {
        workbench = new Workbench(stage, UserPreferences.atDefaultLocation(),
                file -> getHostServices().showDocument(file.toUri().toString()));
        stage.show();
    }

    @Override
    public void stop() {
        if (workbench != null) {
            workbench.close();
        }
    }
}
