package dev.ferry.cluster.apply;

/**
 * Told about every step of apply and rollback, from the thread doing the work (the app hands events to the FX thread
 * itself). Implementations must be quick and must not throw.
 */
@FunctionalInterface
public interface WaveListener {

    void onObject(ObjectEvent event);

    /** A note about the wave as a whole (resuming, dry run passed, verifying). */
    default void onMessage(String message) {
    }

    static WaveListener none() {
        return event -> { };
    }
}
