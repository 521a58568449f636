package dev.ferry.cluster.apply;

import dev.ferry.model.ResourceKey;

/**
 * One step of one object: its key, the phase, a detail for people (what it waits for, the server's message), and its
 * position in the wave (1-based index of {@code total}).
 */
public record ObjectEvent(ResourceKey resource, Phase phase, String detail, int index, int total) {

    @Override
    public String toString() {
        return "[" + index + "/" + total + "] " + resource + " " + phase + (detail.isEmpty() ? "" : ": " + detail);
    }
}
