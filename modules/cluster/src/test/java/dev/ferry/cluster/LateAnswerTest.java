package dev.ferry.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.cluster.apply.ObjectComparison;
import dev.ferry.cluster.apply.WaveApplier;
import dev.ferry.cluster.apply.WaveListener;
import dev.ferry.cluster.apply.WaveRequest;
import dev.ferry.cluster.apply.WaveResult;
import dev.ferry.cluster.connect.Cancellation;
import dev.ferry.cluster.connect.ClusterConnector;
import dev.ferry.cluster.connect.ClusterException.Reason;
import dev.ferry.cluster.connect.ConnectOptions;
import dev.ferry.cluster.connect.TargetCluster;
import dev.ferry.cluster.journal.Journal;
import dev.ferry.cluster.journal.JournalAction;
import dev.ferry.cluster.journal.JournalEntry;
import dev.ferry.cluster.rollback.RollbackResult;
import dev.ferry.cluster.rollback.WaveRollback;
import dev.ferry.model.KubeObject;
import dev.ferry.model.ResourceKey;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes whose answer comes after the client's timeout: the server did the work, the client cannot know. The journal
 * must not claim the write, resume must recognise it instead of guessing, and rollback must undo it all the same.
 */
class LateAnswerTest {

    private static final Duration TIMEOUT = Duration.ofMillis(800);
    private static final Duration LATE = Duration.ofMillis(2_000);

    @TempDir
    Path dir;

    private TestClusters clusters;
    private TargetCluster target;
    private TargetCluster impatient;
    private final List<KubeObject> wave = Fixtures.portableWave("shop");
    private final KubeObject config = wave.get(2);

    @BeforeEach
    void start() throws Exception {
        clusters = TestClusters.start(dir);
        target = clusters.target();
        impatient = new ClusterConnector(ConnectOptions.defaults().withRequestTimeout(TIMEOUT)
                .withEnvironment(Map.of())).connectTarget(clusters.kubeconfig, "target");
    }

    @AfterEach
    void stop() {
        impatient.close();
        target.close();
        clusters.close();
    }

    private WaveResult apply(TargetCluster client) throws Exception {
        return new WaveApplier(client, TestClusters.applyOptions(), WaveListener.none(), Cancellation.none())
                .apply(new WaveRequest(1, wave, dir.resolve("bundle"), Fixtures.secretValues("shop"), null));
    }

    private RollbackResult rollback(TargetCluster client) throws Exception {
        return new WaveRollback(client, TestClusters.rollbackOptions(), WaveListener.none(), Cancellation.none())
                .rollback(1, dir.resolve("bundle"));
    }

    private String path(ResourceKey key) {
        return Fixtures.pathOf(key);
    }

    @Test
    void aWriteWhoseEveryAnswerIsLateStopsTheWaveUnclaimedAndResumeRecognisesItWithoutWritingAgain()
            throws Exception {
        clusters.targetServer.faults().on("PATCH", path(config.key())).where(r -> !r.dryRun()).always().delay(LATE);

        WaveResult stopped = apply(impatient);

        assertThat(stopped.outcome()).isEqualTo(WaveResult.Outcome.STOPPED);
        assertThat(stopped.failure().resource()).isEqualTo(config.key());
        assertThat(stopped.failure().reason()).isEqualTo(Reason.TIMEOUT);
        int landed = clusters.targetServer.requests().countWrites("PATCH", path(config.key()));
        assertThat(landed).as("every late write landed on the server").isEqualTo(5);
        List<JournalAction> actions = Journal.read(dir.resolve("bundle"), 1).stream()
                .filter(e -> config.key().equals(e.key())).map(JournalEntry::action).toList();
        assertThat(actions).as("the journal does not claim a write it never saw answered")
                .containsExactly(JournalAction.BEFORE, JournalAction.FAILED);

        clusters.targetServer.faults().clear();
        WaveResult resumed = apply(target);

        assertThat(resumed.outcome()).isEqualTo(WaveResult.Outcome.APPLIED);
        assertThat(clusters.targetServer.requests().countWrites("PATCH", path(config.key())))
                .as("resume saw the write had landed").isEqualTo(landed);
        assertThat(Journal.read(dir.resolve("bundle"), 1)).filteredOn(e -> config.key().equals(e.key())
                && e.action() == JournalAction.APPLIED).singleElement()
                .satisfies(e -> assertThat(e.field("recovered").asBoolean()).isTrue());

        assertThat(rollback(target).verified()).isTrue();
        for (KubeObject object : wave) {
            assertThat(target.get(object.key())).as(object.key().toString()).isEmpty();
        }
    }

    @Test
    void lateAnswersToRollbackRestoresAndDeletesStillLeaveTheTargetAsBeforeTheWave() throws Exception {
        target.apply(Fixtures.object("apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n").body(), false);
        target.apply(Fixtures.object("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: web-config, namespace: shop,"
                + " labels: {owner: ops}}\ndata: {LOG_LEVEL: debug, OLD: x}\n").body(), false);
        ObjectNode before = target.get(config.key()).orElseThrow();
        assertThat(apply(target).outcome()).isEqualTo(WaveResult.Outcome.APPLIED);
        KubeObject deployment = wave.get(5);
        clusters.targetServer.faults().on("PUT", path(config.key())).times(1).delay(LATE);
        clusters.targetServer.faults().on("DELETE", path(deployment.key())).times(1).delay(LATE);

        RollbackResult result = rollback(impatient);

        assertThat(result.verified()).as(result.differences().toString()).isTrue();
        assertThat(clusters.targetServer.requests().countWrites("PUT", path(config.key()))).isPositive();
        assertThat(target.get(deployment.key())).isEmpty();
        ObjectNode restored = target.get(config.key()).orElseThrow();
        assertThat(ObjectComparison.differences(withoutServerState(before), restored)).isEmpty();
        assertThat(Journal.read(dir.resolve("bundle"), 1)).filteredOn(e -> deployment.key().equals(e.key())
                && e.action() == JournalAction.DELETED).singleElement();
    }

    private static ObjectNode withoutServerState(ObjectNode live) {
        ObjectNode copy = live.deepCopy();
        copy.remove("status");
        ((ObjectNode) copy.path("metadata")).remove("managedFields");
        return copy;
    }
}
