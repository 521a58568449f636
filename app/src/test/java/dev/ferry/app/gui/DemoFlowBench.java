package dev.ferry.app.gui;

import dev.ferry.app.Workbench;
import java.nio.file.Path;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The workbench benchmark's cluster half (docs/benchmarks-app.md): the longest FX-thread stall, from the app's stall
 * monitor, while the demo starts (sandboxes, inventory of the demo estate, proposal, open) and while every wave is
 * dry-run and applied to the target sandbox. Measures, never asserts: {@code -Dferry.bench=true
 * -Dtest=DemoFlowBench}.
 */
@EnabledIfSystemProperty(named = "ferry.bench", matches = "true")
@ExtendWith(ApplicationExtension.class)
class DemoFlowBench {

    private static final Logger LOG = LoggerFactory.getLogger(DemoFlowBench.class);

    @TempDir
    Path temp;

    private Workbench workbench;

    @Start
    void start(Stage stage) {
        workbench = WorkbenchFx.start(stage, temp.resolve("config"));
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    @Test
    void inventoryAndApplyOfTheDemoEstate(FxRobot robot) {
        WorkbenchFx.waitUntil(() -> true);
        workbench.stalls().reset();
        long start = System.nanoTime();
        robot.clickOn("#demoButton");
        WorkbenchFx.waitUntil(300, () -> workbench.state().review() != null
                && workbench.state().targetClusterProperty().get() != null);
        long demoMs = (System.nanoTime() - start) / 1_000_000;
        long demoStall = workbench.stalls().longestStallMillis();
        int objects = workbench.state().review().rows().size();

        robot.clickOn("#menuReview").clickOn("#menuApproveAll");
        WorkbenchFx.waitUntil(() -> robot.lookup("#confirmOk").tryQuery().isPresent());
        robot.clickOn("#confirmOk");
        WorkbenchFx.waitUntil(60, () -> workbench.state().review().pendingChanges() == 0);
        robot.clickOn("#planWavesButton");
        WorkbenchFx.waitUntil(() -> workbench.state().review().plan().isPresent());

        workbench.stalls().reset();
        start = System.nanoTime();
        int waves = workbench.wavesViewModel().waves().size();
        int applied = 0;
        for (int number = 0; number < waves; number++) {
            if (!applyWave(robot, number)) {
                break;
            }
            applied++;
        }
        long applyMs = (System.nanoTime() - start) / 1_000_000;
        LOG.warn("BENCH demoObjects={} demoStartMs={} longestStallDemoStartMs={} wavesApplied={}/{} applyAllMs={} "
                        + "longestStallApplyMs={} loadAverage={}", objects, demoMs, demoStall, applied, waves, applyMs,
                workbench.stalls().longestStallMillis(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** Dry-runs then applies one wave through the waves panel; false when either did not pass. */
    private boolean applyWave(FxRobot robot, int number) {
        robot.interact(() -> workbench.wavesViewModel().selectedProperty()
                .set(workbench.wavesViewModel().waves().get(number)));
        for (String button : new String[] {"#dryRunButton", "#applyButton"}) {
            robot.clickOn(button);
            WorkbenchFx.waitUntil(() -> robot.lookup("#waveConfirmOk").tryQuery().isPresent());
            robot.clickOn("#waveConfirmOk");
            WorkbenchFx.waitUntil(180, () -> !workbench.waveRunViewModel().runningProperty().get()
                    && !workbench.waveRunViewModel().outcomeProperty().get().isEmpty());
            String outcome = workbench.waveRunViewModel().outcomeProperty().get();
            if (!outcome.startsWith("Dry run passed") && !outcome.startsWith("Applied wave")) {
                LOG.warn("wave {} stopped: {}", number, outcome);
                return false;
            }
        }
        return true;
    }
}
