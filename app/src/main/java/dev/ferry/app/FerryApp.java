package dev.ferry.app;

import dev.ferry.app.prefs.UserPreferences;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * The workbench application. Arguments: {@code --demo} starts the demo estate at once; a path opens that bundle
 * (folder or zip), which is how the desktop's file association for {@code .ferry.zip} hands one over.
 */
public final class FerryApp extends Application {

    private Workbench workbench;

    @Override
    public void start(Stage stage) {
        workbench = new Workbench(stage, UserPreferences.atDefaultLocation(),
                file -> getHostServices().showDocument(file.toUri().toString()));
        stage.show();
        // null when the application object was made directly (tests), not by the JavaFX launcher
        List<String> args = getParameters() == null ? List.of() : getParameters().getRaw();
        if (args.contains("--demo")) {
            workbench.startViewModel().startDemo();
        } else if (!args.isEmpty() && !args.get(0).startsWith("--")) {
            workbench.startViewModel().open(Path.of(args.get(0)));
        }
    }

    @Override
    public void stop() {
        if (workbench != null) {
            workbench.close();
        }
    }
}
