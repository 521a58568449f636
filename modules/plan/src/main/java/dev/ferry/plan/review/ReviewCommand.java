package dev.ferry.plan.review;

import java.time.Instant;

/**
 * A reviewer's action on a bundle, executed through {@link ReviewSession#execute}: it can be undone, it describes
 * itself, and every execution, undo and redo is appended to the bundle's audit log. Only this package implements it.
 */
public abstract sealed class ReviewCommand
        permits DecideCommand, EditObjectCommand, MergeDecisionsCommand, PlanWavesCommand, MoveToWaveCommand,
        RenameWaveCommand {

    private final String by;

    ReviewCommand(String by) {
        if (by == null || by.isBlank()) {
            throw new IllegalArgumentException("a review action needs the reviewer's name");
        }
        this.by = by.strip();
    }

    /** Who performs it. */
    public String by() {
        return by;
    }

    /** A stable verb for the audit log: approve, reject, edit, move-to-wave, rename-wave. */
    public abstract String action();

    /** One line for people: menus ("Undo approve 3 changes"), the audit log, confirmations. */
    public abstract String description();

    abstract void execute(ReviewState state, Instant now) throws ReviewException;

    abstract void undo(ReviewState state);
}
