package dev.ferry.engine.run;

/** How an object fares in the migration, as the tree and the report show it. */
public enum ObjectStatus {
    /** Carried as it is (after sanitizing): portable. */
    UNCHANGED("unchanged"),
    CHANGED("changed"),
    GENERATED("generated"),
    /** Not carried to the target by a rule (for example an ACR pull secret). */
    DROPPED("dropped"),
    /** Left out by the sanitizer: not the workload's own. */
    EXCLUDED("excluded"),
    /** Has an action-required finding. */
    NEEDS_ACTION("needs action");

    private final String label;

    ObjectStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
