package dev.ferry.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.cluster.apply.Phase;
import dev.ferry.cluster.apply.WaveApplier;
import dev.ferry.cluster.apply.WaveListener;
import dev.ferry.cluster.apply.WaveRequest;
import dev.ferry.cluster.apply.WaveResult;
import dev.ferry.cluster.connect.Cancellation;
import dev.ferry.cluster.connect.TargetCluster;
import dev.ferry.cluster.journal.Journal;
import dev.ferry.cluster.journal.JournalAction;
import dev.ferry.cluster.journal.JournalEntry;
import dev.ferry.cluster.rollback.RollbackResult;
import dev.ferry.cluster.rollback.WaveRollback;
import dev.ferry.model.KubeObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Apply dies at random points (seeded): the listener throws an {@link Error} at the k-th step, which unwinds the
 * applier exactly as a killed process would stop it (nothing after that point runs; the journal holds what was forced
 * before). Applying again must always converge, never write an object twice and never skip one.
 */
class CrashResumeTest {

    private static final int TRIALS = 30;

    @TempDir
    static Path dir;

    private static TestClusters clusters;
    private static TargetCluster target;

    /** What a killed process is to the applier: it never returns normally again. */
    private static final class SimulatedCrash extends Error {
        private static final long serialVersionUID = 1L;

        SimulatedCrash() {
            super("simulated crash", null, false, false);
        }
    }

    @BeforeAll
    static void start() throws Exception {
        clusters = TestClusters.start(dir);
        target = clusters.target();
    }

    @AfterAll
    static void stop() {
        target.close();
        clusters.close();
    }

    private static WaveListener crashingAt(int step) {
        AtomicInteger steps = new AtomicInteger();
        return event -> {
            if (steps.incrementAndGet() == step) {
                throw new SimulatedCrash();
            }
        };
    }

    private static WaveResult apply(List<KubeObject> wave, Path journal, String namespace, WaveListener listener)
            throws Exception {
        return new WaveApplier(target, TestClusters.applyOptions(), listener, Cancellation.none())
                .apply(new WaveRequest(1, wave, journal, Fixtures.secretValues(namespace), null));
    }

    @Test
    void resumeAfterCrashesAtRandomPointsAlwaysConvergesAndNeverWritesTwice() throws Exception {
        Random random = new Random(20260521);
        int crashes = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            String namespace = "crash-" + trial;
            List<KubeObject> wave = Fixtures.portableWave(namespace);
            Path journal = dir.resolve("trial-" + trial);
            int runs = 1 + random.nextInt(3);
            for (int run = 0; run < runs; run++) {
                try {
                    apply(wave, journal, namespace, crashingAt(1 + random.nextInt(30)));
                } catch (SimulatedCrash expected) {
                    crashes++;
                }
            }
            WaveResult finished = apply(wave, journal, namespace, WaveListener.none());

            assertThat(finished.outcome()).as("trial %d", trial).isEqualTo(WaveResult.Outcome.APPLIED);
            for (KubeObject object : wave) {
                assertThat(clusters.targetServer.requests().countWrites("PATCH", Fixtures.pathOf(object.key())))
                        .as("trial %d, %s", trial, object.key()).isEqualTo(1);
                assertThat(target.get(object.key())).as("trial %d, %s", trial, object.key()).isPresent();
            }
            List<JournalEntry> befores = Journal.read(journal, 1).stream()
                    .filter(e -> e.action() == JournalAction.BEFORE).toList();
            assertThat(befores).extracting(JournalEntry::key).doesNotHaveDuplicates().hasSize(wave.size());
            assertThat(befores).allSatisfy(b -> assertThat(b.text("state")).isEqualTo("absent"));

            RollbackResult rollback = new WaveRollback(target, TestClusters.rollbackOptions(), WaveListener.none(),
                    Cancellation.none()).rollback(1, journal);
            assertThat(rollback.verified()).as("trial %d", trial).isTrue();
        }
        assertThat(crashes).as("the trials really crashed").isGreaterThan(TRIALS / 2);
    }

    @Test
    void aWriteThatLandedJustBeforeTheCrashIsRecognisedAndNotRepeated() throws Exception {
        String namespace = "landed";
        List<KubeObject> wave = Fixtures.portableWave(namespace);
        Path journal = dir.resolve("landed");
        KubeObject config = wave.get(2);
        WaveListener crashBeforeConfigWrite = event -> {
            if (event.resource().equals(config.key()) && event.phase() == Phase.APPLYING) {
                throw new SimulatedCrash();
            }
        };
        try {
            apply(wave, journal, namespace, crashBeforeConfigWrite);
        } catch (SimulatedCrash expected) {
            // the process "died" after journaling the before-state; now the write lands as if it had been in flight
        }
        target.apply(config.body(), false);

        WaveResult resumed = apply(wave, journal, namespace, WaveListener.none());

        assertThat(resumed.outcome()).isEqualTo(WaveResult.Outcome.APPLIED);
        assertThat(clusters.targetServer.requests().countWrites("PATCH", Fixtures.pathOf(config.key()))).isEqualTo(1);
        assertThat(Journal.read(journal, 1)).anyMatch(e -> e.action() == JournalAction.APPLIED
                && config.key().equals(e.key()) && e.field("recovered").asBoolean());
    }

    @Test
    void aWaveStartedWithOtherObjectsIsNotResumedWithChangedOnes() throws Exception {
        String namespace = "changed";
        List<KubeObject> wave = Fixtures.portableWave(namespace);
        Path journal = dir.resolve("changed");
        try {
            apply(wave, journal, namespace, crashingAt(12));
        } catch (SimulatedCrash expected) {
            // interrupted mid-wave
        }
        List<KubeObject> edited = new java.util.ArrayList<>(wave);
        edited.set(2, Fixtures.object("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: web-config, namespace: "
                + namespace + "}\ndata: {LOG_LEVEL: debug}\n"));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> apply(edited, journal, namespace,
                WaveListener.none())).isInstanceOf(dev.ferry.cluster.journal.JournalException.class)
                .hasMessageContaining("ConfigMap/" + namespace + "/web-config").hasMessageContaining("roll it back");
    }
}
