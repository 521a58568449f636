package dev.ferry.plan.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.engine.Edge;
import dev.ferry.plan.review.ApproveCommand;
import dev.ferry.plan.review.ChangeSelection;
import dev.ferry.plan.review.PlanWavesCommand;
import dev.ferry.plan.review.ReviewSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The three renderings of one report: Markdown checklists, self-contained HTML, JSON with every documented field. */
class ReportRenderersTest {

    @TempDir
    static Path dir;

    private static ReportModel report;
    private static Path bundle;

    @BeforeAll
    static void report() throws Exception {
        bundle = ReportEstate.write(dir);
        try (ReviewSession session = ReviewSession.open(bundle)) {
            session.execute(new PlanWavesCommand("dana"));
            session.execute(new ApproveCommand(ChangeSelection.edge(Edge.REGISTRY), "dana", ""));
            report = new ReportBuilder().build(session);
        }
    }

    @Test
    void jsonCarriesEveryDocumentedField() throws Exception {
        JsonNode json = new ObjectMapper().readTree(new JsonRenderer().render(report));
        assertThat(fields(json)).containsExactly("format", "formatVersion", "header", "notes", "summary",
                "actionRequired", "images", "identities", "dataCopies", "unresolvedReferences", "problems", "artifacts",
                "waves");
        assertThat(json.path("formatVersion").asInt()).isEqualTo(ReportModel.FORMAT_VERSION);
        assertThat(fields(json.path("header"))).containsExactly("direction", "directionLabel", "sourceCloud",
                "targetCloud", "source", "bundle", "created", "toolVersion", "reviewState");
        assertThat(fields(json.path("summary"))).containsExactly("changesByEdge", "changeTotals", "objects", "waves",
                "blockedWaves");
        assertThat(fields(json.path("summary").path("changeTotals"))).containsExactly("pending", "approved",
                "rejected", "changedSinceApproved", "total");
        assertThat(fields(json.path("actionRequired").get(0))).containsExactly("edge", "resource", "message",
                "settingKey", "changeId", "status", "wave");
        assertThat(fields(json.path("images"))).containsExactly("setup", "copies");
        assertThat(fields(json.path("images").path("copies").get(0))).containsExactly("source", "target", "command");
        assertThat(fields(json.path("identities").get(0))).containsExactly("serviceAccount", "sourceIdentity",
                "targetIdentity", "trust", "artifacts", "status");
        assertThat(fields(json.path("dataCopies").get(0))).containsExactly("resource", "claim", "size",
                "sourceClass", "targetClass", "method", "wave");
        JsonNode wave = json.path("waves").get(1);
        assertThat(fields(wave)).containsExactly("number", "name", "kind", "blocked", "objects", "blockers",
                "applyOrder", "traffic", "sections");
        assertThat(fields(wave.path("blockers").get(0))).containsExactly("kind", "object", "message");
        assertThat(fields(wave.path("applyOrder").get(0))).containsExactly("kind", "names");
        assertThat(fields(wave.path("sections").get(0))).containsExactly("id", "title", "steps");
    }

    @Test
    void markdownIsAChecklistPerWave() {
        String md = new MarkdownRenderer().render(report);
        assertThat(md).startsWith("# Ferry migration report: AKS → EKS")
                .contains("## Summary", "## Needs a human: action required", "## Images to copy",
                        "## Identities (1)", "## Data copy for stateful volumes (2)", "## Unresolved references",
                        "## Runbook", "#### Before you start", "#### Rollback", "- [ ] ", "**Blocked (");
        assertThat(md.indexOf("**Blocked (")).isLessThan(md.indexOf("#### Before you start"));
    }

    @Test
    void htmlIsSelfContainedAndPrintsEachWaveOnItsOwnPage() {
        String html = new HtmlRenderer().render(report);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<style>", "@media print",
                "section.wave { break-before: page;", "class=\"badge s-blocked\"", "<ul class=\"checks\">");
        assertThat(html).doesNotContain("<script", "<link", "<img", "http://", "https://");
    }

    @Test
    void htmlEscapesWhatTheEstateSays() {
        assertThat(HtmlRenderer.text("run `kubectl get <x>` & <b>")).isEqualTo(
                "run <code>kubectl get &lt;x&gt;</code> &amp; &lt;b&gt;");
    }

    @Test
    void noRenderingCarriesSecretDigests() throws Exception {
        for (ReportFormat format : ReportFormat.values()) {
            assertThat(format.render(report)).doesNotContainPattern("sha256:[0-9a-f]{16,}")
                    .doesNotContainPattern("[0-9a-f]{64}");
        }
        assertThat(Files.readString(bundle.resolve("report.md"))).doesNotContainPattern("[0-9a-f]{64}");
    }

    @Test
    void theProposeTimeReportIsAsProposedAndPointsToTheReviewedOne() throws Exception {
        String md = Files.readString(bundle.resolve("report.md"));
        assertThat(md).startsWith("# Ferry migration report: AKS → EKS").contains("shown as proposed",
                "`ferry report BUNDLE`", "No waves are planned yet", "## Images to copy (2)");
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
