package dev.ferry.engine;

import dev.ferry.model.ResourceKey;

/** Two rules wanted to write the same place of one object; the first in rule order won. */
public record Conflict(ResourceKey resource, String path, String winningRule, String losingRule, String reason) {

    @Override
    public String toString() {
        return resource + " " + path + ": " + winningRule + " wins over " + losingRule + " (" + reason + ")";
    }
}
