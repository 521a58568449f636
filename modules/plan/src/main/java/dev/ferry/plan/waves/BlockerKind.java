package dev.ferry.plan.waves;

/** Why a wave cannot be applied yet. */
public enum BlockerKind {
    /** An object of the wave uses something that a later wave applies. */
    LATER_WAVE_REFERENCE,
    /** An object of the wave uses something that no wave applies and the target cluster does not have. */
    UNRESOLVED_REFERENCE,
    /** An object of the wave has a change nobody has decided on, or one that changed since it was decided. */
    PENDING_CHANGE,
    /** An object of the wave has an {@code action-required} finding that is not resolved. */
    ACTION_REQUIRED
}
