package dev.ferry.app.review;

import dev.ferry.plan.review.ReviewStatus;

/** The review state of one change, or of an object aggregated over its changes, as the tree shows it. */
public enum Approval {
    /** Nothing to decide: the object is carried unchanged. */
    NONE("—"),
    PENDING("pending"),
    /** Some changes decided, some still pending (objects only). */
    PARTLY("partly decided"),
    APPROVED("approved"),
    REJECTED("rejected"),
    /** Decided once, but the change's content differs now: counts as pending. */
    CHANGED_SINCE_DECIDED("changed since approved");

    private final String label;

    Approval(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** True when a reviewer still has to decide something. */
    public boolean needsDecision() {
        return this == PENDING || this == PARTLY || this == CHANGED_SINCE_DECIDED;
    }

    /** The tree's form of a change's review status. */
    public static Approval of(ReviewStatus status) {
        return switch (status) {
            case PENDING -> PENDING;
            case APPROVED -> APPROVED;
            case REJECTED -> REJECTED;
            case CHANGED_SINCE_DECIDED -> CHANGED_SINCE_DECIDED;
        };
    }

    /** The state of an object whose changes are in {@code a} and {@code b}. */
    static Approval combine(Approval a, Approval b) {
        if (a == NONE) {
            return b;
        }
        if (b == NONE || a == b) {
            return a;
        }
        if (a == CHANGED_SINCE_DECIDED || b == CHANGED_SINCE_DECIDED) {
            return CHANGED_SINCE_DECIDED;
        }
        return PARTLY;
    }

    @Override
    public String toString() {
        return label;
    }
}
