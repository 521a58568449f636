package dev.ferry.cluster.journal;

import java.util.Locale;

/** What one journal line records. The names are written to disk: never rename one. */
public enum JournalAction {
    /** A dry run of the wave ended; fields {@code ok}, {@code rejected}. */
    DRY_RUN,
    /** Apply of the wave started; field {@code objects} (key and digest of each object, in order). */
    WAVE_STARTED,
    /** The state of an object on the target before Ferry wrote it: {@code state} absent|present, and the body. */
    BEFORE,
    /** The object was applied; {@code resourceVersion}, {@code uid}, {@code generation}, {@code recovered}. */
    APPLIED,
    /** Writing the object failed and the wave stopped; {@code reason}, {@code status}, {@code message}. */
    FAILED,
    /** The object became ready. */
    READY,
    /** The object did not become ready in time; {@code message}. */
    NOT_READY,
    /** Every object of the wave is applied and ready. */
    WAVE_APPLIED,
    /** Rollback of the wave started. */
    ROLLBACK_STARTED,
    /** Rollback deleted an object the wave created. */
    DELETED,
    /** Rollback restored an object the wave replaced. */
    RESTORED,
    /** Rollback left an object as it is; {@code message} says why. */
    ROLLBACK_SKIPPED,
    /** Rollback could not undo an object; {@code message}. */
    ROLLBACK_FAILED,
    /** Rollback ended; {@code verified} and {@code differences}. Closes the wave's apply: the next apply starts anew. */
    ROLLED_BACK;

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static JournalAction fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
