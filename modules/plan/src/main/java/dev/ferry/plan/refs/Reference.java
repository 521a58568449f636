package dev.ferry.plan.refs;

import dev.ferry.model.ResourceKey;
import java.util.Objects;

/**
 * One object naming another: {@code from} uses {@code to} at {@code path} (dotted, with list indexes, for example
 * {@code spec.template.spec.containers[0].envFrom[1].configMapRef}).
 *
 * @param need how much the using object depends on the target existing first
 */
public record Reference(ResourceKey from, String path, ResourceKey to, Need need) {

    /** How a reference depends on its target. */
    public enum Need {
        /** The target must exist before the object works (a mounted ConfigMap, a claim's StorageClass). */
        REQUIRED,
        /** Marked {@code optional: true}: the object starts without it, but the target should still come first. */
        OPTIONAL,
        /**
         * Kubernetes resolves the name whenever the target appears (RBAC subjects, the legacy ingress class
         * annotation, an HPA's target, a StatefulSet's governing Service): order does not matter and a missing target
         * is worth a note, not a stop.
         */
        LATE_BINDING
    }

    public Reference {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(need, "need");
    }

    /** A required reference. */
    public Reference(ResourceKey from, String path, ResourceKey to) {
        this(from, path, to, Need.REQUIRED);
    }

    /** True when the target has to be applied no later than the using object. */
    public boolean ordersApply() {
        return need != Need.LATE_BINDING;
    }

    /** Human form: {@code Deployment/shop/api uses ConfigMap/shop/config (spec...)}. */
    @Override
    public String toString() {
        return from + " uses " + to + " (" + path + ")";
    }
}
