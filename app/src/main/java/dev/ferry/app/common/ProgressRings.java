package dev.ferry.app.common;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableNumberValue;
import javafx.scene.control.ProgressIndicator;

/**
 * Progress indicators that never spin (decision 0011). A spinning indicator redraws every frame: in software
 * rendering that took a third of a core from the task it was reporting on, for as long as the task ran.
 */
public final class ProgressRings {

    private ProgressRings() {
    }

    /** Shows {@code progress} (0 to 1) on {@code ring}; while the task cannot tell how far it is, the ring is empty. */
    public static void follow(ProgressIndicator ring, ObservableNumberValue progress) {
        ring.progressProperty().bind(Bindings.max(0, progress));
    }
}
