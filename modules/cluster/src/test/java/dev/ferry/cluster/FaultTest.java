package dev.ferry.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.cluster.apply.WaveApplier;
import dev.ferry.cluster.apply.WaveListener;
import dev.ferry.cluster.apply.WaveRequest;
import dev.ferry.cluster.apply.WaveResult;
import dev.ferry.cluster.config.KubeconfigLoader;
import dev.ferry.cluster.connect.Cancellation;
import dev.ferry.cluster.connect.ClusterException;
import dev.ferry.cluster.connect.ClusterException.Reason;
import dev.ferry.cluster.connect.TargetCluster;
import dev.ferry.cluster.journal.Journal;
import dev.ferry.cluster.journal.JournalAction;
import dev.ferry.cluster.journal.JournalEntry;
import dev.ferry.model.KubeObject;
import dev.ferry.model.ResourceKey;
import dev.ferry.sandbox.Fault;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaultTest {

    @TempDir
    Path dir;

    private TestClusters clusters;
    private TargetCluster target;
    private final List<KubeObject> wave = Fixtures.portableWave("shop");

    @BeforeEach
    void start() throws Exception {
        clusters = TestClusters.start(dir);
        target = clusters.target();
    }

    @AfterEach
    void stop() {
        target.close();
        clusters.close();
    }

    private WaveResult apply() throws Exception {
        return new WaveApplier(target, TestClusters.applyOptions(), WaveListener.none(), Cancellation.none())
                .apply(new WaveRequest(1, wave, dir.resolve("bundle"), Fixtures.secretValues("shop"), null));
    }

    private dev.ferry.sandbox.FaultSpec writesOf(KubeObject object) {
        return clusters.targetServer.faults().on("PATCH", Fixtures.pathOf(object.key())).where(r -> !r.dryRun());
    }

    private int writes(KubeObject object) {
        return clusters.targetServer.requests().countWrites("PATCH", Fixtures.pathOf(object.key()));
    }

    private int attempts(KubeObject object) {
        String path = Fixtures.pathOf(object.key());
        return clusters.targetServer.requests().count(e -> e.request().method().equals("PATCH")
                && !e.request().dryRun() && e.request().path().matches(path));
    }

    @Test
    void throttlingAndServerErrorsAreRetriedAndEachObjectIsAppliedOnce() throws Exception {
        writesOf(wave.get(2)).times(2).throttle(Duration.ZERO);
        writesOf(wave.get(5)).times(1).respond(500);
        clusters.targetServer.faults().on("PATCH", Fixtures.pathOf(wave.get(4).key())).where(r -> r.dryRun())
                .times(1).respond(503);

        WaveResult result = apply();

        assertThat(result.outcome()).isEqualTo(WaveResult.Outcome.APPLIED);
        for (KubeObject object : wave) {
            assertThat(writes(object)).as(object.key().toString()).isEqualTo(1);
        }
        assertThat(attempts(wave.get(2))).isEqualTo(3);
        assertThat(attempts(wave.get(5))).isEqualTo(2);
    }

    @Test
    void aConflictStopsTheWaveAtTheObjectAndResumeFinishesItOnceTheConflictIsGone() throws Exception {
        stopsAndResumes(409, Reason.CONFLICT);
    }

    @Test
    void aRefusalStopsTheWaveAtTheObjectAndResumeFinishesItOnceAllowed() throws Exception {
        stopsAndResumes(403, Reason.FORBIDDEN);
    }

    private void stopsAndResumes(int status, Reason reason) throws Exception {
        KubeObject third = wave.get(2);
        Fault fault = writesOf(third).always().respond(status);

        WaveResult stopped = apply();

        assertThat(stopped.outcome()).isEqualTo(WaveResult.Outcome.STOPPED);
        assertThat(stopped.failure().resource()).isEqualTo(third.key());
        assertThat(stopped.failure().reason()).isEqualTo(reason);
        assertThat(stopped.failure().message()).contains(third.key().toString()).contains("(" + status + ")");
        assertThat(attempts(third)).as("not retried").isEqualTo(1);
        assertJournalStoppedAt(2);
        for (KubeObject later : wave.subList(3, wave.size())) {
            assertThat(target.get(later.key())).isEmpty();
        }

        fault.cancel();
        WaveResult resumed = apply();

        assertThat(resumed.outcome()).isEqualTo(WaveResult.Outcome.APPLIED);
        assertThat(resumed.resumed()).isEqualTo(2);
        for (KubeObject object : wave) {
            assertThat(writes(object)).as(object.key().toString()).isEqualTo(1);
        }
        List<JournalEntry> befores = Journal.read(dir.resolve("bundle"), 1).stream()
                .filter(e -> e.action() == JournalAction.BEFORE).toList();
        assertThat(befores).extracting(JournalEntry::key).doesNotHaveDuplicates().hasSize(wave.size());
    }

    /** Objects before {@code index} are journaled as applied; the object at {@code index} as before + failed. */
    private void assertJournalStoppedAt(int index) throws Exception {
        List<JournalEntry> entries = Journal.read(dir.resolve("bundle"), 1);
        for (int i = 0; i < wave.size(); i++) {
            ResourceKey key = wave.get(i).key();
            List<JournalAction> actions = entries.stream().filter(e -> key.equals(e.key()))
                    .map(JournalEntry::action).toList();
            if (i < index) {
                assertThat(actions).as(key.toString()).containsExactly(JournalAction.BEFORE, JournalAction.APPLIED);
            } else if (i == index) {
                assertThat(actions).as(key.toString()).containsExactly(JournalAction.BEFORE, JournalAction.FAILED);
            } else {
                assertThat(actions).as(key.toString()).isEmpty();
            }
        }
    }

    @Test
    void aConnectionLostMidWaveStopsItConsistentlyAndResumeFinishesIt() throws Exception {
        Fault drop = writesOf(wave.get(2)).always().drop();

        WaveResult stopped = apply();

        assertThat(stopped.outcome()).isEqualTo(WaveResult.Outcome.STOPPED);
        assertThat(stopped.failure().reason()).isIn(Reason.UNREACHABLE, Reason.TIMEOUT);
        assertThat(stopped.failure().message()).contains("target").contains("gave up after");
        assertJournalStoppedAt(2);

        drop.cancel();
        assertThat(apply().outcome()).isEqualTo(WaveResult.Outcome.APPLIED);
        for (KubeObject object : wave) {
            assertThat(writes(object)).isEqualTo(1);
        }
    }

    @Test
    void aServerThatGoesAwayMidWaveStopsTheWaveWithTheJournalConsistent() throws Exception {
        WaveListener closeAfterSecond = event -> {
            if (event.phase() == dev.ferry.cluster.apply.Phase.APPLIED && event.index() == 2) {
                clusters.targetServer.close();
            }
        };
        WaveResult stopped = new WaveApplier(target, TestClusters.applyOptions(), closeAfterSecond,
                Cancellation.none()).apply(new WaveRequest(1, wave, dir.resolve("bundle"),
                Fixtures.secretValues("shop"), null));

        assertThat(stopped.outcome()).isEqualTo(WaveResult.Outcome.STOPPED);
        assertThat(stopped.failure().resource()).isEqualTo(wave.get(2).key());
        assertThat(stopped.failure().reason()).isEqualTo(Reason.UNREACHABLE);
        List<JournalEntry> entries = Journal.read(dir.resolve("bundle"), 1);
        assertThat(entries.stream().filter(e -> e.action() == JournalAction.APPLIED)).hasSize(2);
        assertThat(entries.get(entries.size() - 1).action()).isEqualTo(JournalAction.FAILED);
    }

    @Test
    void connectingToAServerThatRefusesNamesTheContextAndTheNextStep() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path file = dir.resolve("closed.kubeconfig");
        Files.writeString(file, "apiVersion: v1\nkind: Config\nclusters: [{name: c, cluster: {server: "
                + "'http://127.0.0.1:" + port + "'}}]\nusers: [{name: u, user: {token: t0ps3cret}}]\n"
                + "contexts: [{name: gone, context: {cluster: c, user: u}}]\n");
        var kubeconfig = new KubeconfigLoader(Map.of(), dir).load(file);

        assertThatThrownBy(() -> TestClusters.connector().connectTarget(kubeconfig, "gone"))
                .isInstanceOf(ClusterException.class)
                .hasMessageContaining("`gone`").hasMessageContaining("127.0.0.1:" + port)
                .hasMessageContaining("refused").hasMessageContaining("reachable")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("t0ps3cret"));
    }

    @Test
    void rejectedCredentialsAndForbiddenDiscoveryFailOnConnect() {
        // always: on a 401 fabric8 refreshes the token and tries once more, as it should
        Fault unauthorized = clusters.targetServer.faults().on("GET", "/api").always().respond(401);
        assertThatThrownBy(() -> clusters.target()).isInstanceOf(ClusterException.class)
                .hasMessageContaining("credentials were rejected").hasMessageContaining("`target`")
                .satisfies(e -> assertThat(((ClusterException) e).reason()).isEqualTo(Reason.UNAUTHORIZED));
        unauthorized.cancel();
        clusters.targetServer.faults().on("GET", "/api").always().respond(403);
        assertThatThrownBy(() -> clusters.target()).isInstanceOf(ClusterException.class)
                .hasMessageContaining("forbidden (403)").hasMessageContaining("role bound to your user");
    }
}
