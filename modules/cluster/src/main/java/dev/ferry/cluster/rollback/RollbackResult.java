package dev.ferry.cluster.rollback;

import dev.ferry.cluster.apply.Rejection;
import java.util.List;

/**
 * How a rollback ended.
 *
 * @param wave        the wave
 * @param deleted     objects the wave had created, now deleted
 * @param restored    objects the wave had replaced, now restored
 * @param skipped     objects left as they are, each with why (a Secret that existed before: its values were never
 *                    recorded)
 * @param differences objects that do not match their state before the wave after the rollback, with the fields
 *                    (paths only); empty when the target was verified to be as before
 * @param nothingToDo true when the journal shows no apply to undo
 */
public record RollbackResult(int wave, int deleted, int restored, List<Rejection> skipped,
                             List<Rejection> differences, boolean nothingToDo) {

    public RollbackResult {
        skipped = List.copyOf(skipped);
        differences = List.copyOf(differences);
    }

    /** True when every object was verified to be as before the wave. */
    public boolean verified() {
        return differences.isEmpty();
    }
}
