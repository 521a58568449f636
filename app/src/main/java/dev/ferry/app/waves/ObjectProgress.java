package dev.ferry.app.waves;

import dev.ferry.model.ResourceKey;

/**
 * Where one object of the running wave action stands: its latest phase and what it says.
 *
 * @param resource the object
 * @param phase    the phase's name in words ("applied", "waiting", "ready", "missing"…)
 * @param detail   what it waits for, why it was rejected, which fields differ; may be empty
 * @param failed   true for a rejection, a failure, not ready, or a difference
 */
public record ObjectProgress(ResourceKey resource, String phase, String detail, boolean failed) {
}
