package dev.ferry.plan.review;

/** Where a change stands in review. */
public enum ReviewStatus {
    PENDING("pending"),
    APPROVED("approved"),
    REJECTED("rejected"),
    /**
     * Decided once, but the change's content differs from what was decided (the engine ran again with other settings,
     * or the object was edited): the decision does not count, and the change is treated as pending.
     */
    CHANGED_SINCE_DECIDED("changed since approved");

    private final String label;

    ReviewStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether a reviewer still has to look at the change. */
    public boolean undecided() {
        return this == PENDING || this == CHANGED_SINCE_DECIDED;
    }

    @Override
    public String toString() {
        return label;
    }
}
