package dev.ferry.plan.review;

import dev.ferry.engine.Change;
import dev.ferry.engine.Edge;
import dev.ferry.model.ResourceKey;
import java.util.Collection;
import java.util.Set;
import java.util.function.Predicate;

/** Which changes a decision covers: by id, edge, namespace, resource, or all of them. */
public final class ChangeSelection {

    private final Predicate<Change> matcher;
    private final String description;

    private ChangeSelection(Predicate<Change> matcher, String description) {
        this.matcher = matcher;
        this.description = description;
    }

    public static ChangeSelection ids(Collection<String> ids) {
        Set<String> wanted = Set.copyOf(ids);
        String text = wanted.size() == 1 ? "change " + wanted.iterator().next() : wanted.size() + " chosen changes";
        return new ChangeSelection(change -> wanted.contains(change.id()), text);
    }

    public static ChangeSelection edge(Edge edge) {
        return new ChangeSelection(change -> change.edge() == edge, "every " + edge.id() + " change");
    }

    public static ChangeSelection namespace(String namespace) {
        return new ChangeSelection(change -> change.resource().namespace().equals(namespace),
                "every change in namespace " + namespace);
    }

    public static ChangeSelection resource(ResourceKey key) {
        return new ChangeSelection(change -> change.resource().equals(key), "every change of " + key);
    }

    public static ChangeSelection all() {
        return new ChangeSelection(change -> true, "every change");
    }

    public boolean matches(Change change) {
        return matcher.test(change);
    }

    /** For audit lines and confirmations: "every ingress change". */
    public String describe() {
        return description;
    }

    @Override
    public String toString() {
        return description;
    }
}
