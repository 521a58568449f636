package dev.ferry.plan.report;

import dev.ferry.engine.Artifact;
import dev.ferry.engine.Change;
import dev.ferry.engine.Conflict;
import dev.ferry.engine.Edge;
import dev.ferry.engine.Finding;
import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.model.io.ManifestProblem;
import dev.ferry.model.sanitize.Exclusion;
import dev.ferry.plan.bundle.BundleContent;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code report.md}: what was found, what changes per edge, and what needs a human, in an order a reviewer reads.
 * Long lists are cut with a count so the report stays readable on large estates; the bundle holds every detail.
 */
public final class MarkdownReport {

    private static final int LIST_LIMIT = 200;

    public String render(BundleContent content) {
        Proposal proposal = content.proposal();
        StringBuilder md = new StringBuilder();
        md.append("# Ferry migration report\n\n");
        md.append("- Direction: `").append(content.settings().direction().id()).append("`\n");
        md.append("- Source: ").append(content.source()).append('\n');
        md.append("- Created: ").append(content.created()).append(" by Ferry ").append(content.toolVersion()).append("\n\n");

        long portable = proposal.source().stream().filter(o -> proposal.isPortable(o.key())).count();
        md.append("## Summary\n\n");
        md.append("| | objects |\n|---|---:|\n");
        md.append("| carried from the source (sanitized) | ").append(proposal.source().size()).append(" |\n");
        md.append("| portable, carried unchanged | ").append(portable).append(" |\n");
        md.append("| excluded (not the workload's own) | ").append(proposal.excluded().size()).append(" |\n");
        md.append("| proposed on the target | ").append(proposal.proposed().size()).append(" |\n");
        md.append("| documents that could not be read | ").append(content.inputProblems().size()).append(" |\n\n");

        Map<Edge, EdgeStats> stats = EdgeStats.of(proposal);
        md.append("| edge | changes | objects changed | generated | dropped | action required | warnings |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|\n");
        stats.forEach((edge, s) -> md.append("| ").append(edge.id()).append(" | ").append(s.changes()).append(" | ")
                .append(s.objects()).append(" | ").append(s.generated()).append(" | ").append(s.dropped())
                .append(" | ").append(s.actionRequired()).append(" | ").append(s.warnings()).append(" |\n"));
        md.append('\n');

        findings(md, proposal, Severity.ACTION_REQUIRED, "Needs a human (action required)");
        findings(md, proposal, Severity.WARNING, "Warnings");
        changesPerEdge(md, proposal);
        conflicts(md, proposal.conflicts(), proposal.problems());
        duplicates(md, proposal.duplicates());
        excluded(md, proposal.excluded());
        inputProblems(md, content.inputProblems());
        artifacts(md, proposal.artifacts());
        return md.toString();
    }

    private static void findings(StringBuilder md, Proposal proposal, Severity severity, String title) {
        md.append("## ").append(title).append("\n\n");
        int count = 0;
        for (Change change : proposal.changes()) {
            for (Finding finding : change.findings()) {
                if (finding.severity() != severity) {
                    continue;
                }
                if (count++ < LIST_LIMIT) {
                    md.append("- `").append(change.resource()).append("` (").append(change.edge().id()).append(", `")
                            .append(change.rule()).append("`): ").append(oneLine(finding.message()));
                    if (!finding.settingKey().isEmpty()) {
                        md.append(" Setting: `").append(finding.settingKey()).append("`.");
                    }
                    md.append('\n');
                }
            }
        }
        md.append(count == 0 ? "None.\n" : count > LIST_LIMIT ? "- … and " + (count - LIST_LIMIT) + " more (see changes.yaml)\n" : "")
                .append('\n');
    }

    private static void changesPerEdge(StringBuilder md, Proposal proposal) {
        md.append("## Changes per edge\n\n");
        for (Edge edge : Edge.values()) {
            List<Change> changes = proposal.changes(edge).stream().filter(Change::altersTarget).toList();
            if (changes.isEmpty()) {
                continue;
            }
            md.append("### ").append(edge.id()).append(" (").append(changes.size()).append(")\n\n");
            changes.stream().limit(LIST_LIMIT).forEach(c -> md.append("- `").append(c.resource()).append("` ")
                    .append(c.type().id()).append(": ").append(oneLine(c.summary())).append(" (`").append(c.id())
                    .append("`)\n"));
            if (changes.size() > LIST_LIMIT) {
                md.append("- … and ").append(changes.size() - LIST_LIMIT).append(" more\n");
            }
            md.append('\n');
        }
    }

    private static void conflicts(StringBuilder md, List<Conflict> conflicts, List<String> problems) {
        md.append("## Conflicts and engine problems\n\n");
        if (conflicts.isEmpty() && problems.isEmpty()) {
            md.append("None.\n\n");
            return;
        }
        conflicts.stream().limit(LIST_LIMIT).forEach(c -> md.append("- ").append(c).append('\n'));
        problems.stream().limit(LIST_LIMIT).forEach(p -> md.append("- ").append(oneLine(p)).append('\n'));
        md.append('\n');
    }

    private static void duplicates(StringBuilder md, List<String> duplicates) {
        if (duplicates.isEmpty()) {
            return;
        }
        md.append("## Objects defined more than once\n\n");
        duplicates.stream().limit(LIST_LIMIT).forEach(d -> md.append("- ").append(oneLine(d)).append('\n'));
        if (duplicates.size() > LIST_LIMIT) {
            md.append("- … and ").append(duplicates.size() - LIST_LIMIT).append(" more\n");
        }
        md.append('\n');
    }

    private static void excluded(StringBuilder md, List<Exclusion> excluded) {
        md.append("## Excluded objects\n\n");
        if (excluded.isEmpty()) {
            md.append("None.\n\n");
            return;
        }
        Map<String, Integer> byKind = new TreeMap<>();
        excluded.forEach(e -> byKind.merge(e.resource().kind(), 1, Integer::sum));
        md.append("By kind: ");
        byKind.forEach((kind, n) -> md.append(kind).append(' ').append(n).append(", "));
        md.setLength(md.length() - 2);
        md.append(". Every exclusion and its reason is in `excluded.yaml`.\n\n");
    }

    private static void inputProblems(StringBuilder md, List<ManifestProblem> problems) {
        md.append("## Documents that could not be read\n\n");
        if (problems.isEmpty()) {
            md.append("None.\n\n");
            return;
        }
        problems.stream().limit(LIST_LIMIT).forEach(p -> md.append("- ").append(oneLine(p.toString())).append('\n'));
        if (problems.size() > LIST_LIMIT) {
            md.append("- … and ").append(problems.size() - LIST_LIMIT).append(" more\n");
        }
        md.append('\n');
    }

    private static void artifacts(StringBuilder md, List<Artifact> artifacts) {
        md.append("## Artifacts\n\n");
        if (artifacts.isEmpty()) {
            md.append("None.\n");
            return;
        }
        artifacts.forEach(a -> md.append("- `artifacts/").append(a.path()).append("`: ").append(oneLine(a.description()))
                .append('\n'));
    }

    private static String oneLine(String text) {
        return text.replace('\n', ' ').replace("|", "\\|");
    }
}
