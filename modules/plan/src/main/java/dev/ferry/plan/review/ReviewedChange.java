package dev.ferry.plan.review;

import dev.ferry.engine.Change;
import java.util.Objects;
import java.util.Optional;

/**
 * A change with its review state. Its content hash is worked out when first asked for: a review of ten thousand
 * changes that nobody has decided yet needs none of them to open.
 */
public final class ReviewedChange {

    private final Change change;
    private final ReviewStatus status;
    private final Optional<Decision> decision;
    private final boolean applies;
    private final String note;
    private volatile String sha256;

    /**
     * @param sha256  the hash of the change's content now ({@link ChangeContent}); null to work it out when asked
     * @param applies false for a hand edit whose patch no longer applies to the engine's output
     * @param note    why it no longer applies; empty otherwise
     */
    public ReviewedChange(Change change, ReviewStatus status, Optional<Decision> decision, String sha256,
                          boolean applies, String note) {
        this.change = Objects.requireNonNull(change);
        this.status = Objects.requireNonNull(status);
        this.decision = Objects.requireNonNull(decision);
        this.sha256 = sha256;
        this.applies = applies;
        this.note = Objects.requireNonNull(note);
    }

    public Change change() {
        return change;
    }

    public String id() {
        return change.id();
    }

    public ReviewStatus status() {
        return status;
    }

    public Optional<Decision> decision() {
        return decision;
    }

    /** The hash of the change's content now. */
    public String sha256() {
        String hash = sha256;
        if (hash == null) {
            hash = ChangeContent.sha256(change); // the same answer on every thread, so a race only repeats it
            sha256 = hash;
        }
        return hash;
    }

    public boolean applies() {
        return applies;
    }

    public String note() {
        return note;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ReviewedChange that && change.equals(that.change) && status == that.status
                && decision.equals(that.decision) && applies == that.applies && note.equals(that.note)
                && sha256().equals(that.sha256());
    }

    @Override
    public int hashCode() {
        return Objects.hash(change, status, decision, applies, note);
    }

    @Override
    public String toString() {
        return "ReviewedChange[" + change.id() + ", " + status + (decision.isPresent() ? ", " + decision.get() : "")
                + (applies ? "" : ", does not apply: " + note) + "]";
    }
}
