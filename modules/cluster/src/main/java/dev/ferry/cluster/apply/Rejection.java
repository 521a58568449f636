package dev.ferry.cluster.apply;

import dev.ferry.model.ResourceKey;

/** An object the wave cannot apply, found before anything was written: a dry-run rejection or a missing value. */
public record Rejection(ResourceKey resource, String message) {

    @Override
    public String toString() {
        return resource + ": " + message;
    }
}
