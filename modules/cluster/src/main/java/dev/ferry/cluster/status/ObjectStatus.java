package dev.ferry.cluster.status;

import dev.ferry.model.ResourceKey;

/**
 * Where one object of a wave stands on the target.
 *
 * @param detail what it waits for (APPLIED), or which fields differ (DRIFTED; paths only, never values)
 */
public record ObjectStatus(ResourceKey resource, State state, String detail) {

    /** The states, from worst to best. */
    public enum State {
        /** Not on the target. */
        MISSING,
        /** On the target, but it no longer holds what Ferry applied (ignoring what the server sets). */
        DRIFTED,
        /** On the target as applied, not ready yet. */
        APPLIED,
        /** On the target as applied, and ready. */
        READY
    }
}
