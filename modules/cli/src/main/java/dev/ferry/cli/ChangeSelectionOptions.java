package dev.ferry.cli;

import dev.ferry.engine.Edge;
import dev.ferry.model.ResourceKey;
import dev.ferry.plan.review.ChangeSelection;
import dev.ferry.plan.review.ReviewException;
import dev.ferry.plan.review.ReviewSession;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** {@code --change ID... | --edge E | --namespace NS | --resource KIND/NS/NAME | --all}: exactly one of them. */
final class ChangeSelectionOptions {

    @ArgGroup(exclusive = true, multiplicity = "1")
    Choice choice;

    static final class Choice {
        @Option(names = "--change", arity = "1..*", paramLabel = "ID", description = "Change ids (see `ferry diff`).")
        List<String> ids;

        @Option(names = "--edge", paramLabel = "EDGE", description = "Every change of an edge: ${COMPLETION-CANDIDATES}.",
                converter = EdgeConverter.class, completionCandidates = EdgeConverter.Candidates.class)
        Edge edge;

        @Option(names = "--namespace", paramLabel = "NS", description = "Every change in a namespace.")
        String namespace;

        @Option(names = "--resource", paramLabel = "KIND/NS/NAME",
                description = "Every change of one object (KIND/NAME for cluster-scoped objects).")
        String resource;

        @Option(names = "--all", description = "Every change in the bundle.")
        boolean all;
    }

    ChangeSelection selection(ReviewSession session) throws ReviewException {
        if (choice.ids != null) {
            return ChangeSelection.ids(choice.ids);
        }
        if (choice.edge != null) {
            return ChangeSelection.edge(choice.edge);
        }
        if (choice.namespace != null) {
            return ChangeSelection.namespace(choice.namespace);
        }
        if (choice.resource != null) {
            return ChangeSelection.resource(ResourceArgument.resolve(session, choice.resource));
        }
        return ChangeSelection.all();
    }

    /** Matches {@code KIND/NS/NAME} against keys, ignoring the API version, which a user rarely types. */
    static final class ResourceArgument {
        private ResourceArgument() {
        }

        static ResourceKey parse(String text) {
            String[] parts = text.split("/");
            if (parts.length == 2) {
                return ResourceKey.of("", parts[0], "", parts[1]);
            }
            if (parts.length == 3) {
                return ResourceKey.of("", parts[0], parts[1], parts[2]);
            }
            throw new IllegalArgumentException("`" + text + "` is not KIND/NAMESPACE/NAME or KIND/NAME");
        }

        static boolean matches(ResourceKey wanted, ResourceKey key) {
            return wanted.kind().equalsIgnoreCase(key.kind()) && wanted.namespace().equals(key.namespace())
                    && wanted.name().equals(key.name());
        }

        /** The one object of the bundle that {@code text} names. */
        static ResourceKey resolve(ReviewSession session, String text) throws ReviewException {
            ResourceKey wanted;
            try {
                wanted = parse(text);
            } catch (IllegalArgumentException e) {
                throw new ReviewException(e.getMessage() + ".");
            }
            java.util.Set<ResourceKey> keys = new java.util.LinkedHashSet<>();
            session.sourceObjects().forEach(o -> keys.add(o.key()));
            session.proposedObjects().forEach(o -> keys.add(o.key()));
            List<ResourceKey> found = keys.stream().filter(k -> matches(wanted, k)).toList();
            if (found.isEmpty()) {
                throw new ReviewException("No object " + text + " in the bundle; `ferry diff BUNDLE` lists them.");
            }
            if (found.size() > 1) {
                throw new ReviewException(text + " names " + found.size() + " objects of different API groups: "
                        + found + ". Use --change with the ids `ferry diff` shows.");
            }
            return found.get(0);
        }
    }

    static final class EdgeConverter implements picocli.CommandLine.ITypeConverter<Edge> {
        @Override
        public Edge convert(String value) {
            return Edge.fromId(value);
        }

        static final class Candidates extends java.util.ArrayList<String> {
            private static final long serialVersionUID = 1L;

            Candidates() {
                super(java.util.Arrays.stream(Edge.values()).map(Edge::id).toList());
            }
        }
    }
}
