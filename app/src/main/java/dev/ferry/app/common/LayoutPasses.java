package dev.ferry.app.common;

import javafx.application.Platform;
import javafx.scene.Scene;

/** Hooks on the scene's layout pass, for work that must see (or follow) the layout of what was just changed. */
public final class LayoutPasses {

    private LayoutPasses() {
    }

    /** Runs {@code action} once, on the FX thread, at the end of the next layout pass of {@code scene}. */
    public static void atEndOfNext(Scene scene, Runnable action) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            action.run();
        };
        scene.addPostLayoutPulseListener(once[0]);
        Platform.requestNextPulse();
    }
}
