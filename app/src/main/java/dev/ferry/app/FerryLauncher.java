package dev.ferry.app;

import javafx.application.Application;

/**
 * Starts the workbench. A separate class because a main class that extends {@code Application} fails on the
 * classpath with "JavaFX runtime components are missing".
 */
public final class FerryLauncher {

    private FerryLauncher() {
    }

    public static void main(String[] args) {
        Application.launch(FerryApp.class, args);
    }
}
