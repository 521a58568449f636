package dev.ferry.app.gui;

import dev.ferry.app.Workbench;
import dev.ferry.app.fixture.FxThreadCpu;
import dev.ferry.app.fixture.MergedKubeconfig;
import dev.ferry.sandbox.DemoEstate;
import dev.ferry.sandbox.SandboxPair;
import dev.ferry.testkit.EstateGenerator;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.stage.Stage;
import org.controlsfx.control.SearchableComboBox;
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
import org.testfx.util.WaitForAsyncUtils;

/**
 * The workbench benchmark's inventory half (docs/benchmarks-app.md): connect clusters from the start screen to a
 * source sandbox holding a generated estate of 10,000 objects, and read the app's stall monitor while the workbench
 * connects, inventories the source, proposes, writes and opens the bundle, until the tree is usable. The sandbox runs
 * in the same JVM, so it competes with the app for the two cores as a remote API server would not. Measures, never
 * asserts: {@code -Dferry.bench=true -Dtest=LiveInventoryBench}.
 */
@EnabledIfSystemProperty(named = "ferry.bench", matches = "true")
@ExtendWith(ApplicationExtension.class)
class LiveInventoryBench {

    private static final Logger LOG = LoggerFactory.getLogger(LiveInventoryBench.class);

    @TempDir
    Path temp;

    private Workbench workbench;
    private SandboxPair sandboxes;

    @Start
    void start(Stage stage) {
        workbench = WorkbenchFx.start(stage, temp.resolve("config"));
    }

    @AfterEach
    void close() {
        workbench.close();
        if (sandboxes != null) {
            sandboxes.close();
        }
    }

    @Test
    void inventoryOfATenThousandObjectSource(FxRobot robot) throws Exception {
        int requested = Integer.getInteger("ferry.bench.objects", 10_000);
        Path estate = temp.resolve("estate");
        new EstateGenerator(42).writeFiles(estate, requested);
        sandboxes = SandboxPair.start(temp.resolve("sandboxes"), SandboxPair.Estate.NONE, 0, Duration.ofMillis(100));
        sandboxes.source().load(DemoEstate.customResourceDefinitions());
        sandboxes.source().loadFiles(List.of(estate));
        Path kubeconfig = MergedKubeconfig.write(sandboxes.sourceKubeconfig(), sandboxes.targetKubeconfig(),
                temp.resolve("kubeconfig"));

        WorkbenchFx.loadContexts(robot, kubeconfig, 2);
        SearchableComboBox<String> target = WorkbenchFx.contextChooser(robot, "#targetContext");
        robot.interact(() -> target.setValue(SandboxPair.TARGET_CONTEXT));
        WaitForAsyncUtils.waitForFxEvents();

        FxThreadCpu fxThread = FxThreadCpu.find();
        long fxCpuBefore = fxThread.nanos();
        workbench.stalls().reset();
        long start = System.nanoTime();
        robot.clickOn("#connectClusters");
        WorkbenchFx.waitUntil(600, () -> workbench.state().review() != null
                && workbench.treeViewModel().treeProperty().get().total() > 0);
        long millis = (System.nanoTime() - start) / 1_000_000;
        long stall = workbench.stalls().longestStallMillis();
        long fxCpu = (fxThread.nanos() - fxCpuBefore) / 1_000_000;
        LOG.warn("BENCH liveObjects={} connectToUsableTreeMs={} longestStallInventoryMs={} fxCpuMs={} loadAverage={}",
                workbench.state().review().rows().size(), millis, stall, fxCpu,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        workbench.state().review().session().close();
    }
}
