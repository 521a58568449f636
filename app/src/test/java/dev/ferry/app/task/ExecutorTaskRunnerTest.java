package dev.ferry.app.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

class ExecutorTaskRunnerTest {

    /** Holds work back until the test runs it, so the test sees every step. */
    private static final class ManualExecutor implements Executor {
        final Deque<Runnable> queued = new ArrayDeque<>();

        @Override
        public void execute(Runnable command) {
            queued.add(command);
        }

        void runAll() {
            while (!queued.isEmpty()) {
                queued.poll().run();
            }
        }
    }

    @Test
    void deliversTheResultAndGoesIdle() {
        ExecutorTaskRunner runner = ExecutorTaskRunner.synchronous();
        List<String> results = new ArrayList<>();

        runner.run("work", progress -> "done", results::add, e -> results.add("failed"));

        assertThat(results).containsExactly("done");
        assertThat(runner.busyProperty().get()).isFalse();
        assertThat(runner.messageProperty().get()).isEmpty();
    }

    @Test
    void deliversAFailureToTheFailureCallback() {
        ExecutorTaskRunner runner = ExecutorTaskRunner.synchronous();
        List<Exception> failures = new ArrayList<>();

        runner.run("work", progress -> {
            throw new IOException("disk full");
        }, r -> { }, failures::add);

        assertThat(failures).singleElement().extracting(Throwable::getMessage).isEqualTo("disk full");
    }

    @Test
    void showsTheRunningTasksProgressAndMessageOnTheUiSide() {
        ManualExecutor worker = new ManualExecutor();
        ManualExecutor ui = new ManualExecutor();
        ExecutorTaskRunner runner = ExecutorTaskRunner.over(worker, ui);
        List<Integer> results = new ArrayList<>();

        runner.run("Opening bundle", progress -> {
            progress.update(0.25, "reading");
            progress.update(0.5, "indexing");
            return 7;
        }, results::add, e -> { });
        ui.runAll();
        assertThat(runner.busyProperty().get()).isTrue();
        assertThat(runner.messageProperty().get()).isEqualTo("Opening bundle");

        worker.runAll();
        assertThat(ui.queued).as("two updates, one coalesced delivery, then the result").hasSize(2);
        ui.queued.poll().run();
        assertThat(runner.progressProperty().get()).isEqualTo(0.5);
        assertThat(runner.messageProperty().get()).isEqualTo("indexing");
        ui.runAll();
        assertThat(results).containsExactly(7);
        assertThat(runner.busyProperty().get()).isFalse();
    }

    @Test
    void aCancelledTaskDeliversNothing() {
        ManualExecutor worker = new ManualExecutor();
        ManualExecutor ui = new ManualExecutor();
        ExecutorTaskRunner runner = ExecutorTaskRunner.over(worker, ui);
        List<Object> delivered = new ArrayList<>();

        TaskHandle handle = runner.run("slow", progress -> "result", delivered::add, delivered::add);
        ui.runAll();
        runner.cancelAll();
        worker.runAll();
        ui.runAll();

        assertThat(handle.isCancelled()).isTrue();
        assertThat(handle.isDone()).isTrue();
        assertThat(delivered).isEmpty();
        assertThat(runner.busyProperty().get()).isFalse();
    }

    @Test
    void aTaskSeesItsCancellation() {
        ManualExecutor worker = new ManualExecutor();
        ExecutorTaskRunner runner = ExecutorTaskRunner.over(worker, Runnable::run);
        List<Boolean> seen = new ArrayList<>();
        TaskHandle[] handle = new TaskHandle[1];

        handle[0] = runner.run("loop", progress -> {
            handle[0].cancel();
            seen.add(progress.isCancelled());
            return null;
        }, r -> seen.add(false), e -> { });
        worker.runAll();

        assertThat(seen).containsExactly(true);
    }
}
