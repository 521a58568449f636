package dev.ferry.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.cluster.apply.WaveApplier;
import dev.ferry.cluster.apply.WaveListener;
import dev.ferry.cluster.apply.WaveRequest;
import dev.ferry.cluster.apply.WaveResult;
import dev.ferry.cluster.connect.Cancellation;
import dev.ferry.cluster.connect.TargetCluster;
import dev.ferry.model.KubeObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Apply learns the target's types from discovery when it first needs them. A group whose discovery document fails for
 * a moment must be asked again, not taken for a type the target does not serve (which would reject the wave with
 * advice to install a CRD for Deployments).
 */
class ApplyDiscoveryFaultTest {

    @TempDir
    Path dir;

    private TestClusters clusters;
    private TargetCluster target;

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

    @ParameterizedTest
    @ValueSource(ints = {429, 503})
    void aGroupWhoseDiscoveryFailsForAMomentIsAskedAgainAndTheWaveApplies(int status) throws Exception {
        target.apply(Fixtures.object("apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n").body(), false);
        List<KubeObject> wave = List.of(Fixtures.portableWave("shop").get(5));
        clusters.targetServer.faults().on("GET", "/apis/apps/v1").times(2).respond(status);

        WaveResult result;
        try (TargetCluster fresh = clusters.target()) {
            // a new connection, which discovers the target's types when it first needs one
            result = new WaveApplier(fresh, TestClusters.applyOptions(), WaveListener.none(), Cancellation.none())
                    .apply(new WaveRequest(1, wave, dir.resolve("bundle"), Fixtures.secretValues("shop"), null));
        }

        assertThat(result.outcome()).as(result.toString()).isEqualTo(WaveResult.Outcome.APPLIED);
        assertThat(target.get(wave.get(0).key())).isPresent();
    }

    @Test
    void aTypeOnceDiscoveredStaysKnownWhenALaterReadOfItsGroupIsRefused() throws Exception {
        try (TargetCluster fresh = clusters.target()) {
            assertThat(fresh.typeOf("networking.k8s.io/v1", "Ingress")).isPresent();
            clusters.targetServer.faults().on("GET", "/apis/networking.k8s.io/v1").always().respond(403);

            // an unknown kind makes the connection discover again, and this time the group's document is refused
            assertThat(fresh.typeOf("example.com/v1", "Widget")).isEmpty();

            assertThat(fresh.typeOf("networking.k8s.io/v1", "Ingress")).isPresent();
        }
    }

    @Test
    void aFreshConnectionAskedFromManyThreadsAtOnceDiscoversOnce() throws Exception {
        int threads = 6;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (TargetCluster fresh = clusters.target()) {
            int before = clusters.targetServer.requests().count("GET", "/api/v1");
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> answers = new ArrayList<>();
            Callable<Boolean> ask = () -> {
                start.await();
                return fresh.typeOf("apps/v1", "Deployment").isPresent();
            };
            for (int i = 0; i < threads; i++) {
                answers.add(pool.submit(ask));
            }
            start.countDown();
            for (Future<Boolean> answer : answers) {
                assertThat(answer.get()).isTrue();
            }
            assertThat(clusters.targetServer.requests().count("GET", "/api/v1") - before).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
