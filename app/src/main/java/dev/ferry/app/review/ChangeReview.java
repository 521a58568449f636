package dev.ferry.app.review;

import dev.ferry.engine.Change;
import java.time.Instant;
import java.util.Optional;

/**
 * One change as the inspector shows it: the change and its review state.
 *
 * @param change   the change
 * @param approval pending, approved, rejected or changed since decided
 * @param decision who decided, when and with what comment; empty while undecided
 * @param applies  false for a manual change that no longer applies to the engine's output
 * @param note     why it does not apply, or other remarks from the review session; may be empty
 */
public record ChangeReview(Change change, Approval approval, Optional<DecisionInfo> decision, boolean applies,
                           String note) {

    public ChangeReview {
        note = note == null ? "" : note;
    }

    /** A change nobody has decided yet. */
    public static ChangeReview pending(Change change) {
        return new ChangeReview(change, Approval.PENDING, Optional.empty(), true, "");
    }

    public String id() {
        return change.id();
    }

    /**
     * A recorded decision.
     *
     * @param approved true for approve, false for reject
     * @param by       the reviewer's name
     * @param at       when
     * @param comment  may be empty
     */
    public record DecisionInfo(boolean approved, String by, Instant at, String comment) {
    }
}
