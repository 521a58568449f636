package dev.ferry.plan.review;

import java.time.Instant;
import java.util.Objects;

/**
 * A reviewer's decision on one change, bound to the SHA-256 of the change's content when it was made: if the content
 * differs later, the decision no longer counts.
 *
 * @param comment free text, empty when none was given
 */
public record Decision(Verdict verdict, String by, Instant at, String sha256, String comment) {

    public Decision {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(at, "at");
        if (by == null || by.isBlank()) {
            throw new IllegalArgumentException("a decision needs the reviewer's name");
        }
        Objects.requireNonNull(sha256, "sha256");
        comment = comment == null ? "" : comment;
    }
}
