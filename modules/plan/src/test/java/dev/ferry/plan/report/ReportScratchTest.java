package dev.ferry.plan.report;

import dev.ferry.engine.Edge;
import dev.ferry.plan.review.ApproveCommand;
import dev.ferry.plan.review.ChangeSelection;
import dev.ferry.plan.review.PlanWavesCommand;
import dev.ferry.plan.review.ReviewSession;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportScratchTest {
    @TempDir Path dir;
    @Test
    void scratch() throws Exception {
        Path bundle = ReportEstate.write(dir);
        Files.copy(bundle.resolve("report.md"), Path.of("/tmp/report-propose.md"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try (ReviewSession s = ReviewSession.open(bundle)) {
            s.execute(new PlanWavesCommand("dana"));
            s.execute(new ApproveCommand(ChangeSelection.edge(Edge.REGISTRY), "dana", "copied"));
            ReportModel m = new ReportBuilder().build(s);
            Files.writeString(Path.of("/tmp/report.md"), ReportFormat.MD.render(m));
            Files.writeString(Path.of("/tmp/report.html"), ReportFormat.HTML.render(m));
            Files.writeString(Path.of("/tmp/report.json"), ReportFormat.JSON.render(m));
        }
    }
}
