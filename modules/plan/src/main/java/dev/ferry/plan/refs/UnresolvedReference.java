package dev.ferry.plan.refs;

import java.util.Objects;

/**
 * A reference whose target is neither in the proposed estate nor built into the target cloud, with a message that
 * names both ends and where the name is used.
 */
public record UnresolvedReference(Reference reference, String message) {

    public UnresolvedReference {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(message, "message");
    }

    /**
     * True for a reference that will not stop the object working (marked optional, or resolved late by Kubernetes):
     * shown as information, not as a problem.
     */
    public boolean informational() {
        return reference.need() != Reference.Need.REQUIRED;
    }
}
