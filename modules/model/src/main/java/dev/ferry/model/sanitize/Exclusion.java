package dev.ferry.model.sanitize;

import dev.ferry.model.ResourceKey;

/** An object left out of the migration, and why. Only the key is kept: an excluded object's body is never carried. */
public record Exclusion(ResourceKey resource, String reason) {
}
