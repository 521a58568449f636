package dev.ferry.plan.review;

/** What a reviewer decided about a change. */
public enum Verdict {
    APPROVED("approved"),
    REJECTED("rejected");

    private final String id;

    Verdict(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Verdict fromId(String id) {
        for (Verdict verdict : values()) {
            if (verdict.id.equals(id)) {
                return verdict;
            }
        }
        throw new IllegalArgumentException("unknown decision `" + id + "`; expected approved or rejected");
    }
}
