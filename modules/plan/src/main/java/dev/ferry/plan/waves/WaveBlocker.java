package dev.ferry.plan.waves;

import dev.ferry.model.ResourceKey;
import java.util.Objects;
import java.util.Optional;

/**
 * One reason a wave cannot be applied yet, with a message for the cutover team that names the wave, the object and,
 * for a reference, what it uses, where, and what to move.
 *
 * @param wave       the blocked wave
 * @param object     the object of the wave that is blocked
 * @param dependency for a reference, what the object uses
 * @param path       for a reference, where the object uses it (dotted path); empty otherwise
 */
public record WaveBlocker(int wave, BlockerKind kind, ResourceKey object, Optional<ResourceKey> dependency,
                          String path, String message) {

    public WaveBlocker {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(dependency, "dependency");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }
}
