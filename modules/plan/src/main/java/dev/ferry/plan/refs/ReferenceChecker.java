package dev.ferry.plan.refs;

import dev.ferry.model.KubeObject;
import dev.ferry.model.ResourceKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks that every reference in the proposed estate resolves to an object of the estate or to one the target
 * cluster has built in, and reports each one that does not with where it is used. Optional and late-binding
 * references are reported too, as information ({@link UnresolvedReference#informational()}).
 */
public final class ReferenceChecker {

    private final BuiltInTargets builtIns;
    private final ReferenceScanner scanner = new ReferenceScanner();

    public ReferenceChecker(BuiltInTargets builtIns) {
        this.builtIns = builtIns;
    }

    /** Every reference that does not resolve, in estate order, then path order within an object. */
    public List<UnresolvedReference> check(Collection<KubeObject> proposed) {
        Set<ResourceKey> present = new HashSet<>(proposed.size() * 2);
        for (KubeObject object : proposed) {
            present.add(object.key());
        }
        present.addAll(ProvidedSecrets.of(proposed).keySet());
        List<UnresolvedReference> unresolved = new ArrayList<>();
        for (KubeObject object : proposed) {
            for (Reference reference : scanner.scan(object)) {
                if (!present.contains(reference.to()) && !builtIns.exists(reference.to())) {
                    unresolved.add(new UnresolvedReference(reference, message(reference)));
                }
            }
        }
        return List.copyOf(unresolved);
    }

    /** The message for a reference whose target is missing, naming both ends and the path. */
    public static String message(Reference reference) {
        String uses = ObjectNames.describe(reference.from()) + " uses " + ObjectNames.describe(reference.to())
                + " (" + reference.path() + "), which is not in the proposed estate";
        return switch (reference.need()) {
            case REQUIRED -> uses + " and not built into the target cluster. Add it to the estate or change the "
                    + "reference.";
            case OPTIONAL -> uses + "; the reference is optional, so it starts without it. Add it if it is needed.";
            case LATE_BINDING -> uses + "; Kubernetes accepts this and resolves the name when it appears. Check the "
                    + "name if something else is meant to create it.";
        };
    }
}
