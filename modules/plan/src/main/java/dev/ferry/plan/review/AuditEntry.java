package dev.ferry.plan.review;

import java.time.Instant;

/**
 * One line of a bundle's audit log: who did what, when.
 *
 * @param action a stable verb: approve, reject, edit, move-to-wave, rename-wave, undo, redo, merge, propose
 */
public record AuditEntry(Instant at, String by, String action, String description) {
}
