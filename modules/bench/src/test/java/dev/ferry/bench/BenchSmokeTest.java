package dev.ferry.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tiny run of every stage (200 objects, one repetition) proves the runner and the report work. */
class BenchSmokeTest {

    @TempDir
    Path work;

    @Test
    void measuresEveryStageAndReportsARowForEach() throws Exception {
        Path results = work.resolve("results.tsv");
        List<Measurement> told = new ArrayList<>();
        Map<String, String> options = new java.util.HashMap<>(Map.of("--sizes", "200", "--reps", "1", "--warmup", "0",
                "--work", work.resolve("run").toString()));
        Path settings = Path.of(System.getProperty("ferry.examples", "../../examples"), "settings.yaml");
        if (Files.isRegularFile(settings)) {
            options.put("--settings", settings.toString());
        }

        List<Measurement> measured = BenchMain.run(options, told::add);
        BenchMain.appendResults(results, measured);

        assertThat(told).isEqualTo(measured);
        assertThat(measured).extracting(Measurement::stage).containsExactlyElementsOf(Stages.ids());
        for (Measurement m : measured) {
            if (m.stage().equals("kustomize") && KustomizeStage.kubectl().isEmpty()) {
                assertThat(m.ran()).isFalse();
                assertThat(m.skipped()).contains("kubectl");
                continue;
            }
            assertThat(m.ran()).as(m.toString()).isTrue();
            assertThat(m.objects()).as(m.stage()).isGreaterThanOrEqualTo(200);
            assertThat(m.medianMillis()).as(m.stage()).isPositive();
            assertThat(m.throughput()).as(m.stage()).isPositive();
            assertThat(m.peakHeapMiB()).as(m.stage()).isPositive();
            assertThat(m.peakLiveMiB()).as(m.stage()).isPositive();
        }
        List<Measurement> reread = BenchMain.readResults(results);
        assertThat(reread).isEqualTo(measured);
        String markdown = new ResultReport(reread).markdown();
        for (String stage : Stages.ids()) {
            assertThat(markdown).contains("| " + stage + " | ");
        }
        assertThat(markdown).contains("propose ÷ floor");
    }

    @Test
    void kustomizationMovesEveryAcrImageToEcr() throws Exception {
        Fixture fixture = new Fixture(100, 1, work, null);
        Path dir = Files.createDirectories(work.resolve("k"));

        String kustomization = KustomizeStage.kustomization(fixture.estate(), dir);

        assertThat(kustomization).contains("resources:\n  - _platform.yaml\n  - team-0.yaml\n")
                .contains("  - name: shopacr.azurecr.io/shop/app0\n"
                        + "    newName: 111122223333.dkr.ecr.eu-west-1.amazonaws.com/shop/app0\n");
        assertThat(dir.resolve("team-0.yaml")).hasSameTextualContentAs(fixture.estate().resolve("team-0.yaml"));
    }
}
