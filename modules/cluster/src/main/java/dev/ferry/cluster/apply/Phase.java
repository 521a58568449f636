package dev.ferry.cluster.apply;

/** Where one object stands during apply or rollback, as the app's live log and the CLI show it. */
public enum Phase {
    DRY_RUN_OK,
    DRY_RUN_REJECTED,
    /** Applied by an earlier, interrupted run: not applied again. */
    ALREADY_APPLIED,
    APPLYING,
    APPLIED,
    /** A call failed with 429, 5xx, a timeout or no connection and is retried; the detail says when. */
    RETRYING,
    /** Waiting for readiness; the detail says for what. */
    WAITING,
    READY,
    NOT_READY,
    /** The write failed and the wave stopped. */
    FAILED,
    DELETING,
    DELETED,
    RESTORING,
    RESTORED,
    /** Rollback left the object as it is; the detail says why. */
    SKIPPED,
    /** Rollback verified the object is as before the wave. */
    VERIFIED,
    /** Rollback found the object differs from before the wave; the detail names the fields (never values). */
    DIFFERS
}
