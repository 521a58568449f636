package dev.ferry.plan.report;

import java.util.List;
import java.util.Map;

/**
 * Renders the report as Markdown ({@code report.md}): tables for the summary and the lists, checkboxes for every
 * runbook step. Long lists are cut with a count; the JSON rendering holds every row.
 */
public final class MarkdownRenderer {

    static final int LIST_LIMIT = 200;

    public String render(ReportModel report) {
        StringBuilder md = new StringBuilder();
        ReportModel.Header header = report.header();
        md.append("# Ferry migration report: ").append(header.directionLabel()).append("\n\n");
        md.append("- Direction: **").append(header.directionLabel()).append("** (`").append(header.direction())
                .append("`)\n");
        md.append("- Source: ").append(cell(header.source())).append('\n');
        md.append("- Bundle: `").append(header.bundle()).append("`, proposed ").append(header.created())
                .append(" by Ferry ").append(header.toolVersion()).append(", shown ").append(header.reviewState())
                .append("\n\n");
        report.notes().forEach(n -> md.append("> ").append(n).append("\n>\n"));
        md.setLength(md.length() - 2);
        md.append('\n');
        summary(md, report.summary());
        waves(md, report.runbook());
        actions(md, report.actions());
        images(md, report);
        identities(md, report.identities());
        dataCopies(md, report.dataCopies());
        unresolved(md, report.unresolved());
        problems(md, report.problems());
        runbook(md, report);
        artifacts(md, report.artifacts());
        return md.toString();
    }

    private static void summary(StringBuilder md, ReportModel.Summary summary) {
        md.append("## Summary\n\n");
        md.append("| edge | pending | approved | rejected | changed since approved | total |\n");
        md.append("|---|---:|---:|---:|---:|---:|\n");
        summary.changesByEdge().forEach((edge, c) -> counts(md, edge, c));
        counts(md, "**all**", summary.changeTotals());
        md.append("\n| objects | count |\n|---|---:|\n");
        summary.objects().forEach((status, n) -> md.append("| ").append(status).append(" | ").append(n).append(" |\n"));
        md.append('\n');
        if (summary.waves() > 0) {
            md.append("Waves planned: ").append(summary.waves()).append(", blocked: ").append(summary.blockedWaves())
                    .append(".\n\n");
        }
    }

    private static void waves(StringBuilder md, List<ReportModel.WaveRunbook> waves) {
        if (waves.isEmpty()) {
            return;
        }
        md.append("| wave | name | kind | objects | state |\n|---:|---|---|---:|---|\n");
        waves.forEach(w -> md.append("| ").append(w.number()).append(" | ").append(cell(w.name())).append(" | ")
                .append(w.kind()).append(" | ").append(w.objects()).append(" | ")
                .append(w.blocked() ? "**blocked** (" + w.blockers().size() + ")" : "ready").append(" |\n"));
        md.append('\n');
    }

    private static void counts(StringBuilder md, String edge, ReportModel.ReviewCounts c) {
        md.append("| ").append(edge).append(" | ").append(c.pending()).append(" | ").append(c.approved()).append(" | ")
                .append(c.rejected()).append(" | ").append(c.changedSinceApproved()).append(" | ").append(c.total())
                .append(" |\n");
    }

    private static void actions(StringBuilder md, List<ReportModel.ActionItem> actions) {
        md.append("## Needs a human: action required (").append(actions.size()).append(")\n\n");
        if (actions.isEmpty()) {
            md.append("None.\n\n");
            return;
        }
        Map<String, List<ReportModel.ActionItem>> byEdge = ReportText.byEdge(actions);
        byEdge.forEach((edge, items) -> {
            md.append("### ").append(edge).append(" (").append(items.size()).append(")\n\n");
            items.stream().limit(LIST_LIMIT).forEach(a -> md.append("- [ ] `").append(a.resource()).append("`: ")
                    .append(oneLine(a.message()))
                    .append(a.settingKey().isEmpty() ? "" : " Setting: `" + a.settingKey() + "`.")
                    .append(" _(").append(a.status()).append(a.wave().map(w -> ", wave " + w).orElse(""))
                    .append(")_\n"));
            more(md, items.size());
            md.append('\n');
        });
    }

    private static void images(StringBuilder md, ReportModel report) {
        md.append("## Images to copy (").append(report.images().size()).append(")\n\n");
        if (report.images().isEmpty()) {
            md.append("None.\n\n");
            return;
        }
        report.imageSetup().forEach(s -> md.append("- ").append(s).append('\n'));
        md.append("\n| source | target |\n|---|---|\n");
        report.images().stream().limit(LIST_LIMIT).forEach(i -> md.append("| `").append(i.source()).append("` | `")
                .append(i.target()).append("` |\n"));
        more(md, report.images().size());
        md.append("\n```bash\n");
        report.images().stream().limit(LIST_LIMIT).forEach(i -> md.append(i.command()).append('\n'));
        md.append("```\n\n");
    }

    private static void identities(StringBuilder md, List<ReportModel.IdentityRow> rows) {
        md.append("## Identities (").append(rows.size()).append(")\n\n");
        if (rows.isEmpty()) {
            md.append("None.\n\n");
            return;
        }
        md.append("| ServiceAccount | source identity | target identity | trust | artifacts | review |\n");
        md.append("|---|---|---|---|---|---|\n");
        rows.stream().limit(LIST_LIMIT).forEach(r -> md.append("| `").append(r.serviceAccount()).append("` | ")
                .append(dash(r.sourceIdentity())).append(" | ").append(dash(r.targetIdentity())).append(" | ")
                .append(dash(r.trust())).append(" | ").append(dash(String.join(", ", r.artifacts().stream()
                        .map(a -> "`" + a + "`").toList()))).append(" | ").append(r.status()).append(" |\n"));
        more(md, rows.size());
        md.append('\n');
    }

    private static void dataCopies(StringBuilder md, List<ReportModel.DataCopy> rows) {
        md.append("## Data copy for stateful volumes (").append(rows.size()).append(")\n\n");
        if (rows.isEmpty()) {
            md.append("None.\n\n");
            return;
        }
        md.append("| volume | claim | size | class (source → target) | method | wave |\n|---|---|---|---|---|---|\n");
        rows.stream().limit(LIST_LIMIT).forEach(r -> md.append("| `").append(r.resource()).append("` | ")
                .append(cell(r.claim())).append(" | ").append(dash(r.size())).append(" | ").append(r.sourceClass())
                .append(" → ").append(r.targetClass()).append(" | ").append(cell(r.method())).append(" | ")
                .append(r.wave().map(String::valueOf).orElse("—")).append(" |\n"));
        more(md, rows.size());
        md.append('\n');
    }

    private static void unresolved(StringBuilder md, List<ReportModel.UnresolvedRow> rows) {
        md.append("## Unresolved references (").append(rows.size()).append(")\n\n");
        if (rows.isEmpty()) {
            md.append("None: every name the proposed objects use resolves.\n\n");
            return;
        }
        md.append("| used by | where | names | note |\n|---|---|---|---|\n");
        rows.stream().limit(LIST_LIMIT).forEach(r -> md.append("| `").append(r.from()).append("` | `").append(r.path())
                .append("` | `").append(r.to()).append("` | ").append(r.informational() ? "information only: " : "")
                .append(cell(r.message())).append(" |\n"));
        more(md, rows.size());
        md.append('\n');
    }

    private static void problems(StringBuilder md, List<String> problems) {
        if (problems.isEmpty()) {
            return;
        }
        md.append("## Problems found while reading and proposing (").append(problems.size()).append(")\n\n");
        problems.stream().limit(LIST_LIMIT).forEach(p -> md.append("- ").append(oneLine(p)).append('\n'));
        more(md, problems.size());
        md.append('\n');
    }

    private static void artifacts(StringBuilder md, List<String> artifacts) {
        md.append("\n## Artifacts (").append(artifacts.size()).append(")\n\n");
        if (artifacts.isEmpty()) {
            md.append("None.\n");
            return;
        }
        artifacts.stream().limit(LIST_LIMIT).forEach(a -> md.append("- `artifacts/").append(a).append("`\n"));
        more(md, artifacts.size());
    }

    private static void runbook(StringBuilder md, ReportModel report) {
        md.append("## Runbook\n\n");
        if (report.runbook().isEmpty()) {
            md.append("No waves are planned yet: run `ferry plan BUNDLE --auto`, then `ferry report BUNDLE`.\n");
            return;
        }
        for (ReportModel.WaveRunbook wave : report.runbook()) {
            md.append("### Wave ").append(wave.number()).append(": ").append(wave.name()).append(" (")
                    .append(wave.kind()).append(", ").append(wave.objects()).append(" objects) ")
                    .append(wave.blocked() ? "— BLOCKED" : "— ready").append("\n\n");
            if (wave.blocked()) {
                md.append("**Blocked (").append(wave.blockers().size()).append("):**\n\n");
                ReportText.blockerLines(wave.blockers()).forEach(l -> md.append("- ").append(oneLine(l)).append('\n'));
                md.append('\n');
            }
            for (ReportModel.Section section : wave.sections()) {
                md.append("#### ").append(section.title()).append("\n\n");
                section.steps().forEach(s -> md.append("- [ ] ").append(oneLine(s)).append('\n'));
                md.append('\n');
                if (section.id().equals("apply")) {
                    md.append("| # | kind | objects |\n|---:|---|---|\n");
                    int n = 1;
                    for (ReportModel.KindGroup group : wave.groups()) {
                        md.append("| ").append(n++).append(" | ").append(group.kind()).append(" | ")
                                .append(cell(ReportText.names(group.names()))).append(" |\n");
                    }
                    md.append('\n');
                }
                if (section.id().equals("traffic")) {
                    md.append("| host | served by | read its new address |\n|---|---|---|\n");
                    wave.hosts().forEach(h -> md.append("| ").append(cell(h.host())).append(" | `").append(h.object())
                            .append("` | ").append(cell(h.address())).append(" |\n"));
                    md.append('\n');
                }
            }
        }
    }

    private static void more(StringBuilder md, int size) {
        if (size > LIST_LIMIT) {
            md.append("- … and ").append(size - LIST_LIMIT).append(" more (`ferry report BUNDLE --format json` has "
                    + "all)\n");
        }
    }

    private static String dash(String text) {
        return text.isEmpty() ? "—" : cell(text);
    }

    private static String cell(String text) {
        return oneLine(text).replace("|", "\\|");
    }

    private static String oneLine(String text) {
        return text.replace('\n', ' ');
    }
}
