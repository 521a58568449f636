package dev.ferry.plan.review;

import dev.ferry.engine.Change;
import java.util.Optional;

/**
 * A change with its review state.
 *
 * @param sha256  the hash of the change's content now
 * @param applies false for a hand edit whose patch no longer applies to the engine's output
 * @param note    why it no longer applies; empty otherwise
 */
public record ReviewedChange(Change change, ReviewStatus status, Optional<Decision> decision, String sha256,
                             boolean applies, String note) {

    public String id() {
        return change.id();
    }
}
