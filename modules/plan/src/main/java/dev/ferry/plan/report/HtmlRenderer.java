package dev.ferry.plan.report;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders the report as one self-contained HTML page: inline CSS, no scripts, no external resources. It prints well:
 * each wave starts on a new page, tables keep their headers, checkboxes print as boxes to tick by hand.
 */
public final class HtmlRenderer {

    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    private static final String STYLE = """
            :root { --ink:#1b1f24; --muted:#57606a; --line:#d0d7de; --bg:#ffffff; --head:#f3f5f7;
                    --red:#b42318; --red-bg:#fee4e2; --amber:#8a5a00; --amber-bg:#fff4d6;
                    --green:#146c2e; --green-bg:#dcf5e3; --blue:#0b4f9c; --blue-bg:#e3efff; }
            * { box-sizing: border-box; }
            body { font: 15px/1.5 -apple-system, "Segoe UI", "DejaVu Sans", Arial, sans-serif; color: var(--ink);
                   background: var(--bg); margin: 0 auto; max-width: 1180px; padding: 24px 32px 64px; }
            h1 { font-size: 28px; margin: 0 0 4px; }
            h2 { font-size: 21px; margin: 36px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--line); }
            h3 { font-size: 17px; margin: 20px 0 8px; }
            h4 { font-size: 15px; margin: 18px 0 6px; text-transform: uppercase; letter-spacing: .04em;
                 color: var(--muted); }
            p.meta { color: var(--muted); margin: 0 0 12px; }
            .direction { display: inline-block; font-weight: 700; font-size: 18px; padding: 2px 12px;
                         border-radius: 6px; background: var(--blue-bg); color: var(--blue); }
            .notes { border-left: 4px solid var(--blue); background: var(--blue-bg); padding: 8px 14px;
                     margin: 12px 0; }
            .notes p { margin: 4px 0; }
            code { font: 13px/1.4 "DejaVu Sans Mono", Consolas, monospace; background: #eef1f4; padding: 1px 4px;
                   border-radius: 3px; overflow-wrap: break-word; }
            pre { font: 13px/1.45 "DejaVu Sans Mono", Consolas, monospace; background: #f6f8fa;
                  border: 1px solid var(--line); padding: 10px; overflow-x: auto; white-space: pre-wrap;
                  overflow-wrap: break-word; }
            table { border-collapse: collapse; width: 100%; margin: 8px 0 14px; font-size: 14px; }
            th, td { border: 1px solid var(--line); padding: 5px 8px; text-align: left; vertical-align: top; }
            th { background: var(--head); }
            td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
            tr.total td { font-weight: 700; background: var(--head); }
            .badge { display: inline-block; padding: 0 8px; border-radius: 10px; font-size: 12px; font-weight: 700;
                     white-space: nowrap; }
            .s-pending, .s-changed { background: var(--amber-bg); color: var(--amber); }
            .s-approved { background: var(--green-bg); color: var(--green); }
            .s-rejected { background: #eceff3; color: var(--muted); }
            .s-blocked, .s-action { background: var(--red-bg); color: var(--red); }
            .s-ready { background: var(--green-bg); color: var(--green); }
            ul.checks { list-style: none; padding-left: 4px; margin: 6px 0 10px; }
            ul.checks li { margin: 5px 0; padding-left: 28px; position: relative; }
            ul.checks li::before { content: ""; position: absolute; left: 2px; top: 3px; width: 15px; height: 15px;
                                   border: 2px solid var(--muted); border-radius: 3px; background: #fff; }
            .edge { margin: 8px 0 16px; }
            .finding { border-left: 4px solid var(--red); background: #fffafa; padding: 6px 10px; margin: 6px 0; }
            .finding .res { font-weight: 700; }
            .finding .meta { color: var(--muted); font-size: 13px; }
            section.wave { border: 1px solid var(--line); border-radius: 8px; padding: 4px 20px 14px; margin: 22px 0; }
            section.wave.blocked { border-color: var(--red); border-width: 2px; }
            section.wave h3 { font-size: 20px; }
            .blockers { background: var(--red-bg); border: 1px solid var(--red); border-radius: 6px;
                        padding: 8px 14px; margin: 10px 0; }
            .blockers h4 { color: var(--red); margin-top: 4px; }
            .blockers li { margin: 4px 0; }
            .empty { color: var(--muted); font-style: italic; }
            .files { margin-top: 4px; font-size: 12px; }
            table.counts { width: auto; min-width: 60%; }
            @media print {
              body { max-width: none; padding: 0; font-size: 11pt; }
              h2 { break-after: avoid; }
              section.wave { break-before: page; border: none; padding: 0; }
              tr, .finding, ul.checks li { break-inside: avoid; }
              thead { display: table-header-group; }
              pre, code { background: none; }
              a { color: inherit; text-decoration: none; }
            }
            """;

    public String render(ReportModel report) {
        StringBuilder html = new StringBuilder();
        ReportModel.Header header = report.header();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Ferry report: ").append(esc(header.directionLabel())).append(" — ")
                .append(esc(header.bundle())).append("</title>\n<style>\n").append(STYLE).append("</style>\n")
                .append("</head>\n<body>\n");
        html.append("<h1>Ferry migration report</h1>\n");
        html.append("<p><span class=\"direction\" id=\"direction\">").append(esc(header.directionLabel()))
                .append("</span></p>\n");
        html.append("<p class=\"meta\">Source: ").append(esc(header.source())).append("<br>Bundle <code>")
                .append(esc(header.bundle())).append("</code>, proposed ").append(esc(header.created()))
                .append(" by Ferry ").append(esc(header.toolVersion())).append(", shown ")
                .append(esc(header.reviewState())).append("</p>\n");
        html.append("<div class=\"notes\">");
        report.notes().forEach(n -> html.append("<p>").append(text(n)).append("</p>"));
        html.append("</div>\n");
        summary(html, report.summary());
        waves(html, report.runbook());
        actions(html, report.actions());
        images(html, report);
        identities(html, report.identities());
        dataCopies(html, report.dataCopies());
        unresolved(html, report.unresolved());
        problems(html, report.problems());
        runbook(html, report);
        artifacts(html, report.artifacts());
        html.append("</body>\n</html>\n");
        return html.toString();
    }

    private static void summary(StringBuilder html, ReportModel.Summary summary) {
        html.append("<h2 id=\"summary\">Summary</h2>\n<table class=\"counts\"><thead><tr><th>edge</th><th class=\"n\">pending</th>")
                .append("<th class=\"n\">approved</th><th class=\"n\">rejected</th>")
                .append("<th class=\"n\">changed since approved</th><th class=\"n\">total</th></tr></thead><tbody>\n");
        summary.changesByEdge().forEach((edge, c) -> counts(html, "", esc(edge), c));
        counts(html, " class=\"total\"", "all edges", summary.changeTotals());
        html.append("</tbody></table>\n<table style=\"width:auto\"><thead><tr><th>objects</th><th class=\"n\">count")
                .append("</th></tr></thead><tbody>\n");
        summary.objects().forEach((status, n) -> html.append("<tr><td>").append(esc(status))
                .append("</td><td class=\"n\">").append(n).append("</td></tr>\n"));
        html.append("</tbody></table>\n");
        if (summary.waves() > 0) {
            html.append("<p>Waves planned: <b>").append(summary.waves()).append("</b>, blocked: <b>")
                    .append(summary.blockedWaves()).append("</b>.</p>\n");
        }
    }

    private static void waves(StringBuilder html, List<ReportModel.WaveRunbook> waves) {
        if (waves.isEmpty()) {
            return;
        }
        html.append("<table class=\"counts\"><thead><tr><th class=\"n\">wave</th><th>name</th><th>kind</th>")
                .append("<th class=\"n\">objects</th><th>state</th></tr></thead><tbody>\n");
        waves.forEach(w -> html.append("<tr><td class=\"n\">").append(w.number()).append("</td><td>")
                .append(esc(w.name())).append("</td><td>").append(esc(w.kind())).append("</td><td class=\"n\">")
                .append(w.objects()).append("</td><td>").append(w.blocked()
                        ? "<span class=\"badge s-blocked\">blocked (" + w.blockers().size() + ")</span>"
                        : "<span class=\"badge s-ready\">ready</span>").append("</td></tr>\n"));
        html.append("</tbody></table>\n");
    }

    private static void counts(StringBuilder html, String rowClass, String edge, ReportModel.ReviewCounts c) {
        html.append("<tr").append(rowClass).append("><td>").append(edge).append("</td><td class=\"n\">")
                .append(c.pending()).append("</td><td class=\"n\">").append(c.approved()).append("</td><td class=\"n\">")
                .append(c.rejected()).append("</td><td class=\"n\">").append(c.changedSinceApproved())
                .append("</td><td class=\"n\">").append(c.total()).append("</td></tr>\n");
    }

    private static void actions(StringBuilder html, List<ReportModel.ActionItem> actions) {
        html.append("<h2 id=\"actions\">Needs a human: action required (").append(actions.size()).append(")</h2>\n");
        if (actions.isEmpty()) {
            html.append("<p class=\"empty\">None.</p>\n");
            return;
        }
        Map<String, List<ReportModel.ActionItem>> byEdge = ReportText.byEdge(actions);
        byEdge.forEach((edge, items) -> {
            html.append("<div class=\"edge\"><h3>").append(esc(edge)).append(" (").append(items.size())
                    .append(")</h3>\n");
            items.stream().limit(MarkdownRenderer.LIST_LIMIT).forEach(a -> html.append("<div class=\"finding\">")
                    .append("<span class=\"res\"><code>").append(esc(a.resource())).append("</code></span> ")
                    .append(badge(a.status())).append("<br>").append(text(a.message()))
                    .append(a.settingKey().isEmpty() ? "" : " Setting: <code>" + esc(a.settingKey()) + "</code>.")
                    .append(a.wave().map(w -> "<br><span class=\"meta\">wave " + w + "</span>").orElse(""))
                    .append("</div>\n"));
            more(html, items.size());
            html.append("</div>\n");
        });
    }

    private static void images(StringBuilder html, ReportModel report) {
        html.append("<h2 id=\"images\">Images to copy (").append(report.images().size()).append(")</h2>\n");
        if (report.images().isEmpty()) {
            html.append("<p class=\"empty\">None.</p>\n");
            return;
        }
        html.append("<ul class=\"checks\">");
        report.imageSetup().forEach(s -> html.append("<li>").append(text(s)).append("</li>"));
        html.append("</ul>\n<table><thead><tr><th>source</th><th>target</th></tr></thead><tbody>\n");
        report.images().stream().limit(MarkdownRenderer.LIST_LIMIT).forEach(i -> html.append("<tr><td><code>")
                .append(esc(i.source())).append("</code></td><td><code>").append(esc(i.target()))
                .append("</code></td></tr>\n"));
        html.append("</tbody></table>\n");
        more(html, report.images().size());
        html.append("<pre>");
        report.images().stream().limit(MarkdownRenderer.LIST_LIMIT).forEach(i -> html.append(esc(i.command()))
                .append('\n'));
        html.append("</pre>\n");
    }

    private static void identities(StringBuilder html, List<ReportModel.IdentityRow> rows) {
        html.append("<h2 id=\"identities\">Identities (").append(rows.size()).append(")</h2>\n");
        if (rows.isEmpty()) {
            html.append("<p class=\"empty\">None.</p>\n");
            return;
        }
        html.append("<table><thead><tr><th>ServiceAccount</th><th>source identity</th><th>target identity</th>")
                .append("<th>trust (artifacts)</th><th>review</th></tr></thead><tbody>\n");
        rows.stream().limit(MarkdownRenderer.LIST_LIMIT).forEach(r -> html.append("<tr><td><code>")
                .append(esc(r.serviceAccount())).append("</code></td><td>").append(dash(r.sourceIdentity()))
                .append("</td><td>").append(dash(r.targetIdentity())).append("</td><td>").append(dash(r.trust()))
                .append(r.artifacts().isEmpty() ? "" : "<div class=\"files\">" + String.join(" ", r.artifacts().stream()
                        .map(a -> "<code>" + esc(a) + "</code>").toList()) + "</div>").append("</td><td>")
                .append(badge(r.status()))
                .append("</td></tr>\n"));
        html.append("</tbody></table>\n");
        more(html, rows.size());
    }

    private static void dataCopies(StringBuilder html, List<ReportModel.DataCopy> rows) {
        html.append("<h2 id=\"data-copy\">Data copy for stateful volumes (").append(rows.size()).append(")</h2>\n");
        if (rows.isEmpty()) {
            html.append("<p class=\"empty\">None.</p>\n");
            return;
        }
        html.append("<table><thead><tr><th>volume</th><th>claim</th><th>size</th><th>class (source → target)</th>")
                .append("<th>method</th><th class=\"n\">wave</th></tr></thead><tbody>\n");
        rows.stream().limit(MarkdownRenderer.LIST_LIMIT).forEach(r -> html.append("<tr><td><code>")
                .append(esc(r.resource())).append("</code></td><td>").append(esc(r.claim())).append("</td><td>")
                .append(dash(r.size())).append("</td><td>").append(esc(r.sourceClass())).append(" → ")
                .append(esc(r.targetClass())).append("</td><td>").append(text(r.method()))
                .append("</td><td class=\"n\">").append(r.wave().map(String::valueOf).orElse("—"))
                .append("</td></tr>\n"));
        html.append("</tbody></table>\n");
        more(html, rows.size());
    }

    private static void unresolved(StringBuilder html, List<ReportModel.UnresolvedRow> rows) {
        html.append("<h2 id=\"unresolved\">Unresolved references (").append(rows.size()).append(")</h2>\n");
        if (rows.isEmpty()) {
            html.append("<p class=\"empty\">None: every name the proposed objects use resolves.</p>\n");
            return;
        }
        html.append("<table><thead><tr><th>used by</th><th>where</th><th>names</th><th>note</th></tr></thead>")
                .append("<tbody>\n");
        rows.stream().limit(MarkdownRenderer.LIST_LIMIT).forEach(r -> html.append("<tr><td><code>")
                .append(esc(r.from())).append("</code></td><td><code>").append(esc(r.path()))
                .append("</code></td><td><code>").append(esc(r.to())).append("</code></td><td>")
                .append(r.informational() ? "<span class=\"badge s-rejected\">information</span> "
                        : "<span class=\"badge s-action\">fix</span> ").append(text(r.message()))
                .append("</td></tr>\n"));
        html.append("</tbody></table>\n");
        more(html, rows.size());
    }

    private static void problems(StringBuilder html, List<String> problems) {
        if (problems.isEmpty()) {
            return;
        }
        html.append("<h2 id=\"problems\">Problems found while reading and proposing (").append(problems.size())
                .append(")</h2>\n<ul>");
        problems.stream().limit(MarkdownRenderer.LIST_LIMIT).forEach(p -> html.append("<li>").append(text(p))
                .append("</li>"));
        html.append("</ul>\n");
        more(html, problems.size());
    }

    private static void artifacts(StringBuilder html, List<String> artifacts) {
        html.append("<h2 id=\"artifacts\">Artifacts (").append(artifacts.size()).append(")</h2>\n");
        if (artifacts.isEmpty()) {
            html.append("<p class=\"empty\">None.</p>\n");
            return;
        }
        html.append("<ul>");
        artifacts.stream().limit(MarkdownRenderer.LIST_LIMIT).forEach(a -> html.append("<li><code>artifacts/")
                .append(esc(a)).append("</code></li>"));
        html.append("</ul>\n");
        more(html, artifacts.size());
    }

    private static void runbook(StringBuilder html, ReportModel report) {
        html.append("<h2 id=\"runbook\">Runbook</h2>\n");
        if (report.runbook().isEmpty()) {
            html.append("<p class=\"empty\">No waves are planned yet: run <code>ferry plan BUNDLE --auto</code>, then ")
                    .append("<code>ferry report BUNDLE</code>.</p>\n");
            return;
        }
        for (ReportModel.WaveRunbook wave : report.runbook()) {
            html.append("<section class=\"wave").append(wave.blocked() ? " blocked" : "").append("\" id=\"wave-")
                    .append(wave.number()).append("\">\n<h3>Wave ").append(wave.number()).append(": ")
                    .append(esc(wave.name())).append(" ").append(wave.blocked()
                            ? "<span class=\"badge s-blocked\">BLOCKED</span>"
                            : "<span class=\"badge s-ready\">ready</span>").append("</h3>\n")
                    .append("<p class=\"meta\">").append(esc(wave.kind())).append(" wave, ").append(wave.objects())
                    .append(" objects</p>\n");
            if (wave.blocked()) {
                html.append("<div class=\"blockers\"><h4>Blocked: do not apply (").append(wave.blockers().size())
                        .append(")</h4><ul>");
                ReportText.blockerLines(wave.blockers()).forEach(l -> html.append("<li>").append(text(l))
                        .append("</li>"));
                html.append("</ul></div>\n");
            }
            for (ReportModel.Section section : wave.sections()) {
                html.append("<h4 class=\"step-").append(section.id()).append("\">").append(esc(section.title()))
                        .append("</h4>\n<ul class=\"checks\">");
                section.steps().forEach(s -> html.append("<li>").append(text(s)).append("</li>"));
                html.append("</ul>\n");
                if (section.id().equals("apply")) {
                    html.append("<table><thead><tr><th class=\"n\">#</th><th>kind</th><th>objects</th></tr></thead>")
                            .append("<tbody>\n");
                    int n = 1;
                    for (ReportModel.KindGroup group : wave.groups()) {
                        html.append("<tr><td class=\"n\">").append(n++).append("</td><td>").append(esc(group.kind()))
                                .append("</td><td>").append(esc(ReportText.names(group.names())))
                                .append("</td></tr>\n");
                    }
                    html.append("</tbody></table>\n");
                }
                if (section.id().equals("traffic")) {
                    html.append("<table><thead><tr><th>host</th><th>served by</th><th>read its new address</th></tr>")
                            .append("</thead><tbody>\n");
                    wave.hosts().forEach(h -> html.append("<tr><td><b>").append(esc(h.host())).append("</b></td><td><code>")
                            .append(esc(h.object())).append("</code></td><td>").append(text(h.address()))
                            .append("</td></tr>\n"));
                    html.append("</tbody></table>\n");
                }
            }
            html.append("</section>\n");
        }
    }

    private static String badge(String status) {
        String css = switch (status) {
            case "approved" -> "s-approved";
            case "rejected" -> "s-rejected";
            case "changed since approved" -> "s-changed";
            default -> "s-pending";
        };
        return "<span class=\"badge " + css + "\">" + esc(status) + "</span>";
    }

    private static void more(StringBuilder html, int size) {
        if (size > MarkdownRenderer.LIST_LIMIT) {
            html.append("<p class=\"empty\">… and ").append(size - MarkdownRenderer.LIST_LIMIT)
                    .append(" more (<code>ferry report BUNDLE --format json</code> has all)</p>\n");
        }
    }

    private static String dash(String text) {
        return text.isEmpty() ? "—" : text(text);
    }

    /** Escapes text and turns {@code `code`} spans into {@code <code>} elements. */
    static String text(String text) {
        Matcher matcher = CODE.matcher(esc(text));
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement("<code>" + matcher.group(1) + "</code>"));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    static String esc(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
