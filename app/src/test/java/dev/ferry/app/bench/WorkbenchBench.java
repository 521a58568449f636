package dev.ferry.app.bench;

import dev.ferry.app.Workbench;
import dev.ferry.app.fixture.TestBundles;
import dev.ferry.app.prefs.UserPreferences;
import dev.ferry.app.review.ObjectRow;
import dev.ferry.model.ResourceKey;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.stage.Stage;
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
 * The workbench benchmark of docs/benchmarks.md: a 10,000-object bundle — time until the tree is usable, time from
 * selecting an object to its diff on screen, and the longest FX-thread stall (from the app's stall monitor) while
 * opening and while reviewing. Measures, never asserts: {@code -Dferry.bench=true -Dtest=WorkbenchBench}.
 */
@EnabledIfSystemProperty(named = "ferry.bench", matches = "true")
@ExtendWith(ApplicationExtension.class)
class WorkbenchBench {

    private static final Logger LOG = LoggerFactory.getLogger(WorkbenchBench.class);

    @TempDir
    Path temp;

    private Workbench workbench;

    @Start
    void start(Stage stage) {
        workbench = new Workbench(stage, new UserPreferences(temp.resolve("config")), f -> { });
        stage.show();
    }

    private long fxThreadId = -1;

    /** CPU time the FX thread has used: what the app asks of it, whatever else runs on the machine. */
    private long fxThreadCpuNanos() throws Exception {
        if (fxThreadId < 0) {
            fxThreadId = WaitForAsyncUtils.asyncFx(() -> Thread.currentThread().getId()).get();
        }
        return java.lang.management.ManagementFactory.getThreadMXBean().getThreadCpuTime(fxThreadId);
    }

    @Test
    void tenThousandObjects(FxRobot robot) throws Exception {
        Path bundle = TestBundles.generated(temp, Integer.getInteger("ferry.bench.objects", 10_000));
        WaitForAsyncUtils.waitForFxEvents();
        workbench.stalls().reset();
        CountDownLatch usable = new CountDownLatch(1);
        long start = System.nanoTime();
        long openCpuBefore = fxThreadCpuNanos();
        robot.interact(() -> {
            workbench.treeViewModel().treeProperty().addListener((obs, old, now) -> {
                if (now.total() > 0) {
                    usable.countDown();
                }
            });
            workbench.startViewModel().open(bundle);
        });
        usable.await(10, TimeUnit.MINUTES);
        long open = System.nanoTime() - start;
        WaitForAsyncUtils.waitForFxEvents();
        long openStall = workbench.stalls().longestStallMillis();
        long openFxCpu = (fxThreadCpuNanos() - openCpuBefore) / 1_000_000;
        int total = workbench.state().review().rows().size();

        workbench.stalls().reset();
        List<ResourceKey> picks = workbench.state().review().rows().stream().filter(ObjectRow::needsMe)
                .map(ObjectRow::key).limit(20).toList();
        List<Long> selectToDiff = new ArrayList<>();
        List<Long> fxCpu = new ArrayList<>();
        for (ResourceKey key : picks) {
            long cpuBefore = fxThreadCpuNanos();
            CountDownLatch shown = new CountDownLatch(1);
            long[] began = new long[1];
            Platform.runLater(() -> {
                Label title = (Label) workbench.scene().lookup("#diffTitle");
                javafx.beans.value.ChangeListener<String> listener = (obs, old, now) -> {
                    if (now.contains(key.name())) {
                        shown.countDown();
                    }
                };
                title.textProperty().addListener(listener);
                began[0] = System.nanoTime();
                workbench.state().select(key);
            });
            shown.await(1, TimeUnit.MINUTES);
            selectToDiff.add((System.nanoTime() - began[0]) / 1_000_000);
            WaitForAsyncUtils.waitForFxEvents();
            fxCpu.add((fxThreadCpuNanos() - cpuBefore) / 1_000_000);
        }
        long reviewStall = workbench.stalls().longestStallMillis();
        List<Long> sorted = selectToDiff.stream().sorted().toList();
        List<Long> cpuSorted = fxCpu.stream().sorted().toList();
        LOG.warn("BENCH objects={} openToUsableTreeMs={} longestStallOpenMs={} selectToDiffMedianMs={} "
                        + "selectToDiffMaxMs={} longestStallSelectingMs={} fxCpuOpenMs={} fxCpuPerSelectMedianMs={} "
                        + "fxCpuPerSelectMaxMs={} loadAverage={}", total, open / 1_000_000, openStall,
                sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1), reviewStall, openFxCpu,
                cpuSorted.get(cpuSorted.size() / 2), cpuSorted.get(cpuSorted.size() - 1),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        workbench.close();
    }
}
