package dev.ferry.cli;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import dev.ferry.engine.Change;
import dev.ferry.engine.Edge;
import dev.ferry.engine.Finding;
import dev.ferry.engine.run.Composer;
import dev.ferry.model.KubeObject;
import dev.ferry.model.ResourceKey;
import dev.ferry.model.io.Yaml;
import dev.ferry.plan.bundle.BundleException;
import dev.ferry.plan.review.ReviewSession;
import dev.ferry.plan.review.ReviewStatus;
import dev.ferry.plan.review.ReviewedChange;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ferry diff}: every change with its review state, and the unified diff of each object it touches. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Show the changes of a bundle: per object, each change (id, edge, status, summary, findings) and "
                + "the unified diff from the source object to the proposed one. With --edge, the diff shows that edge's "
                + "changes alone."})
final class DiffCommand implements Callable<Integer> {

    @Parameters(paramLabel = "BUNDLE", description = "A bundle folder or zip.")
    Path bundle;

    @Option(names = "--edge", paramLabel = "EDGE", converter = ChangeSelectionOptions.EdgeConverter.class,
            description = "Only this edge: ${COMPLETION-CANDIDATES}.",
            completionCandidates = ChangeSelectionOptions.EdgeConverter.Candidates.class)
    Edge edge;

    @Option(names = "--resource", paramLabel = "KIND/NS/NAME", description = "Only this object.")
    String resource;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (ReviewSession session = ReviewSession.open(bundle)) {
            BundleWarnings.print(spec.commandLine().getErr(), session);
            Optional<ResourceKey> only = resource == null ? Optional.empty()
                    : Optional.of(ChangeSelectionOptions.ResourceArgument.resolve(session, resource));
            Map<ResourceKey, List<ReviewedChange>> byObject = new LinkedHashMap<>();
            for (ReviewedChange change : session.changes()) {
                if ((edge == null || change.change().edge() == edge)
                        && only.map(k -> k.equals(change.change().resource())).orElse(true)) {
                    byObject.computeIfAbsent(change.change().resource(), k -> new java.util.ArrayList<>()).add(change);
                }
            }
            if (byObject.isEmpty()) {
                out.println("No changes" + (edge == null ? "" : " of edge " + edge.id())
                        + (resource == null ? "" : " on " + resource) + ".");
                return ExitCodes.OK;
            }
            byObject.forEach((key, changes) -> print(out, session, key, changes));
            out.printf("%d objects, %d changes shown.%n", byObject.size(),
                    byObject.values().stream().mapToInt(List::size).sum());
            return ExitCodes.OK;
        } catch (BundleException e) {
            spec.commandLine().getErr().println("ferry diff: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
    }

    private void print(PrintWriter out, ReviewSession session, ResourceKey key, List<ReviewedChange> changes) {
        out.println("=== " + key);
        for (ReviewedChange reviewed : changes) {
            Change change = reviewed.change();
            out.printf("  %-22s %-13s %-22s %s%n", change.id(), change.edge().id(), status(reviewed), change.summary());
            for (Finding finding : change.findings()) {
                out.println("      " + finding.severity().id() + ": " + finding.message());
            }
            if (!reviewed.applies()) {
                out.println("      note: " + reviewed.note());
            }
        }
        String before = session.source(key).map(o -> Yaml.write(o.body())).orElse("");
        String after = afterText(session, key, changes);
        List<String> original = before.lines().toList();
        List<String> revised = after.lines().toList();
        List<String> diff = UnifiedDiffUtils.generateUnifiedDiff("source/" + key, "proposed/" + key, original,
                DiffUtils.diff(original, revised), 3);
        diff.forEach(line -> out.println("  " + line));
        out.println();
    }

    private String afterText(ReviewSession session, ResourceKey key, List<ReviewedChange> changes) {
        if (edge == null) {
            return session.proposed(key).map(o -> Yaml.write(o.body())).orElse("");
        }
        List<KubeObject> source = session.source(key).map(List::of).orElse(List.of());
        List<Change> ofEdge = changes.stream().filter(c -> c.status() != ReviewStatus.REJECTED)
                .map(ReviewedChange::change).toList();
        return new Composer().compose(source, ofEdge, c -> true).proposed().stream()
                .filter(o -> o.key().equals(key)).findFirst().map(o -> Yaml.write(o.body())).orElse("");
    }

    private static String status(ReviewedChange change) {
        return change.decision().map(d -> change.status().label() + " (" + d.by() + ")")
                .orElse(change.status().label());
    }
}
