package dev.ferry.app.waves;

import dev.ferry.plan.waves.Wave;
import dev.ferry.plan.waves.WaveBlocker;
import java.util.List;

/**
 * One wave as the panel lists it.
 *
 * @param wave     the wave
 * @param blockers why it cannot be applied yet; empty when it can
 */
public record WaveRow(Wave wave, List<WaveBlocker> blockers) {

    public WaveRow {
        blockers = List.copyOf(blockers);
    }

    public int number() {
        return wave.number();
    }

    public boolean blocked() {
        return !blockers.isEmpty();
    }

    /** "ready", or the count of blockers and the first reason. */
    public String state() {
        if (blockers.isEmpty()) {
            return wave.isEmpty() ? "empty" : "ready";
        }
        return blockers.size() + (blockers.size() == 1 ? " blocker: " : " blockers, first: ")
                + blockers.get(0).message();
    }
}
