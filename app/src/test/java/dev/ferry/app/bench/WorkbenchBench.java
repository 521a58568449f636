package dev.ferry.app.bench;

import dev.ferry.app.Workbench;
import dev.ferry.app.diff.DiffView;
import dev.ferry.app.diff.EdgeDiffTabs;
import dev.ferry.app.fixture.FxThreadCpu;
import dev.ferry.app.fixture.LayoutPasses;
import dev.ferry.app.fixture.TestBundles;
import dev.ferry.app.prefs.UserPreferences;
import dev.ferry.app.review.ObjectRow;
import dev.ferry.model.ResourceKey;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
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
 * selecting an object to the end of the layout pass that puts its diff on screen, and the longest FX-thread stall
 * (from the app's stall monitor, collection pauses included) while opening and while reviewing. Measures, never
 * asserts: {@code -Dferry.bench=true -Dtest=WorkbenchBench}.
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

    /** Runs {@code action} once, the first time {@code value} changes to something {@code wanted} accepts. */
    private static <T> void once(ObservableValue<T> value, Predicate<T> wanted, Runnable action) {
        value.addListener(new ChangeListener<T>() {
            @Override
            public void changed(ObservableValue<? extends T> obs, T old, T now) {
                if (wanted.test(now)) {
                    value.removeListener(this);
                    action.run();
                }
            }
        });
    }

    /** Counts {@code shown} down at the end of the first layout pass in which both sides hold the object. */
    private void atEndOfPassShowing(DiffView diff, ResourceKey key, CountDownLatch shown) {
        LayoutPasses.atEndOfNext(workbench.scene(), () -> {
            boolean holds = diff.sourceEditor().getText().contains(key.name())
                    || diff.proposedEditor().getText().contains(key.name());
            if (holds) {
                shown.countDown();
            } else {
                atEndOfPassShowing(diff, key, shown);
            }
        });
    }

    /** With {@code -Dferry.bench.jfr=FILE}, a flight recording of the selections, sampled every millisecond. */
    private static jdk.jfr.Recording profileIfAsked() throws Exception {
        if (System.getProperty("ferry.bench.jfr") == null) {
            return null;
        }
        jdk.jfr.Recording recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
        recording.enable("jdk.ExecutionSample").withPeriod(java.time.Duration.ofMillis(1));
        recording.start();
        return recording;
    }

    @Test
    void tenThousandObjects(FxRobot robot) throws Exception {
        Path bundle = TestBundles.generated(temp, Integer.getInteger("ferry.bench.objects", 10_000));
        WaitForAsyncUtils.waitForFxEvents();
        workbench.stalls().reset();
        CountDownLatch usable = new CountDownLatch(1);
        long start = System.nanoTime();
        FxThreadCpu fxThread = FxThreadCpu.find();
        long openCpuBefore = fxThread.nanos();
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
        long openFxCpu = (fxThread.nanos() - openCpuBefore) / 1_000_000;
        int total = workbench.state().review().rows().size();

        workbench.stalls().reset();
        long[] layoutPass = new long[2]; // start of the current pass, longest pass
        robot.interact(() -> {
            workbench.scene().addPreLayoutPulseListener(() -> layoutPass[0] = System.nanoTime());
            workbench.scene().addPostLayoutPulseListener(() ->
                    layoutPass[1] = Math.max(layoutPass[1], System.nanoTime() - layoutPass[0]));
        });
        // looked up once: a lookup walks the whole scene and parses its selector again at every node
        Label title = robot.lookup("#diffTitle").queryAs(Label.class);
        DiffView diff = robot.lookup(".edge-diff-tabs").queryAs(EdgeDiffTabs.class).allChangesView();
        List<ResourceKey> picks = workbench.state().review().rows().stream().filter(ObjectRow::needsMe)
                .map(ObjectRow::key).limit(20).toList();
        jdk.jfr.Recording recording = profileIfAsked();
        long selectingFrom = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
        List<Long> selectToDiff = new ArrayList<>();
        List<Long> fxCpu = new ArrayList<>();
        List<Long> passes = new ArrayList<>();
        List<Long> jit = new ArrayList<>();
        long longestPass = 0;
        for (ResourceKey key : picks) {
            long cpuBefore = fxThread.nanos();
            long jitBefore = java.lang.management.ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
            CountDownLatch shown = new CountDownLatch(1);
            long[] began = new long[1];
            Platform.runLater(() -> {
                // on screen: the end of the layout pass (where the views draw) after both sides hold the object;
                // the title changes first
                once(title.textProperty(), text -> text.contains(key.name()),
                        () -> atEndOfPassShowing(diff, key, shown));
                began[0] = System.nanoTime();
                workbench.state().select(key);
            });
            shown.await(1, TimeUnit.MINUTES);
            selectToDiff.add((System.nanoTime() - began[0]) / 1_000_000);
            WaitForAsyncUtils.waitForFxEvents();
            fxCpu.add((fxThread.nanos() - cpuBefore) / 1_000_000);
            passes.add(layoutPass[1] / 1_000_000);
            jit.add(java.lang.management.ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - jitBefore);
            longestPass = Math.max(longestPass, layoutPass[1]);
            layoutPass[1] = 0;
        }
        long reviewStall = workbench.stalls().longestStallMillis();
        if (recording != null) {
            recording.dump(Path.of(System.getProperty("ferry.bench.jfr")));
            recording.close();
        }
        List<Long> sorted = selectToDiff.stream().sorted().toList();
        List<Long> cpuSorted = fxCpu.stream().sorted().toList();
        LOG.warn("BENCH objects={} openToUsableTreeMs={} longestStallOpenMs={} selectToDiffMedianMs={} "
                        + "selectToDiffMaxMs={} longestStallSelectingMs={} fxCpuOpenMs={} fxCpuPerSelectMedianMs={} "
                        + "fxCpuPerSelectMaxMs={} longestCssAndLayoutPassSelectingMs={} loadAverage={}", total,
                open / 1_000_000, openStall,
                sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1), reviewStall, openFxCpu,
                cpuSorted.get(cpuSorted.size() / 2), cpuSorted.get(cpuSorted.size() - 1),
                longestPass / 1_000_000,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        LOG.warn("BENCH per selection, ms: select to diff {}; longest CSS and layout pass {}; FX CPU {}; "
                        + "JIT compiling {}; selecting from JVM uptime {} ms to {} ms (for a GC log)",
                selectToDiff, passes, fxCpu, jit, selectingFrom,
                java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
        workbench.close();
    }
}
