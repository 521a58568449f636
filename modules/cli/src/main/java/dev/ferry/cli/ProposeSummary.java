package dev.ferry.cli;

import dev.ferry.engine.Edge;
import dev.ferry.engine.run.Proposal;
import dev.ferry.plan.report.EdgeStats;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** The one-screen summary {@code ferry propose} prints: what was read, and per edge what changes. */
final class ProposeSummary {

    private final PrintWriter out;

    ProposeSummary(PrintWriter out) {
        this.out = out;
    }

    private static String folderOf(String path) {
        int slash = path.indexOf('/');
        return slash < 0 ? "" : path.substring(0, slash + 1);
    }

    void print(int objectsRead, int filesRead, int unreadable, Proposal proposal, Path bundle, int files, long millis) {
        long portable = proposal.source().stream().filter(o -> proposal.isPortable(o.key())).count();
        out.printf(Locale.ROOT, "Read %,d objects from %,d files", objectsRead, filesRead);
        out.println(unreadable == 0 ? "." : String.format(Locale.ROOT,
                " (%,d documents could not be read; see above and report.md).", unreadable));
        out.printf(Locale.ROOT, "Carried %,d objects (%,d portable, unchanged); excluded %,d that are not the "
                + "workload's own.%n%n", proposal.source().size(), portable, proposal.excluded().size());

        Map<Edge, EdgeStats> stats = EdgeStats.of(proposal);
        out.printf(Locale.ROOT, "%-14s %8s %8s %9s %8s %10s %9s%n", "edge", "changes", "objects", "generated",
                "dropped", "action-req", "warnings");
        int action = 0;
        for (Map.Entry<Edge, EdgeStats> entry : stats.entrySet()) {
            EdgeStats s = entry.getValue();
            action += s.actionRequired();
            out.printf(Locale.ROOT, "%-14s %8d %8d %9d %8d %10d %9d%n", entry.getKey().id(), s.changes(),
                    s.objects(), s.generated(), s.dropped(), s.actionRequired(), s.warnings());
        }
        if (stats.isEmpty()) {
            out.println("(no edge touches this estate: everything is portable)");
        }
        out.println();
        if (!proposal.duplicates().isEmpty()) {
            out.printf(Locale.ROOT, "%,d objects are defined more than once in the input; the last definition is "
                    + "used (see report.md).%n", proposal.duplicates().size());
        }
        if (!proposal.conflicts().isEmpty() || !proposal.problems().isEmpty()) {
            out.printf(Locale.ROOT, "%d conflicts between rules and %d engine problems (see report.md).%n",
                    proposal.conflicts().size(), proposal.problems().size());
        }
        if (!proposal.artifacts().isEmpty()) {
            Map<String, Long> byFolder = new java.util.TreeMap<>();
            proposal.artifacts().forEach(a -> byFolder.merge(folderOf(a.path()), 1L, Long::sum));
            out.printf(Locale.ROOT, "Artifacts: %s%n", String.join(", ", byFolder.entrySet().stream()
                    .map(e -> "artifacts/" + e.getKey() + " (" + e.getValue() + (e.getValue() == 1 ? " file)" : " files)"))
                    .toList()));
        }
        out.printf(Locale.ROOT, "Bundle: %s (%,d files, %,d ms)%n", bundle, files, millis);
        out.println(action > 0
                ? action + " findings need a human: read " + bundle.resolve("report.md") + " first."
                : "Nothing needs a human. Review " + bundle.resolve("report.md") + ".");
        out.flush();
    }
}
