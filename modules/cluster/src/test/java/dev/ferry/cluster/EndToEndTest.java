package dev.ferry.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.cluster.apply.ObjectEvent;
import dev.ferry.cluster.apply.Phase;
import dev.ferry.cluster.apply.WaveApplier;
import dev.ferry.cluster.apply.WaveListener;
import dev.ferry.cluster.apply.WaveRequest;
import dev.ferry.cluster.apply.WaveResult;
import dev.ferry.cluster.connect.Cancellation;
import dev.ferry.cluster.connect.ClusterException;
import dev.ferry.cluster.connect.SourceCluster;
import dev.ferry.cluster.connect.TargetCluster;
import dev.ferry.cluster.inventory.InventoryResult;
import dev.ferry.cluster.rollback.RollbackResult;
import dev.ferry.cluster.rollback.WaveRollback;
import dev.ferry.cluster.status.ObjectStatus;
import dev.ferry.cluster.status.WaveStatusService;
import dev.ferry.model.KubeObject;
import dev.ferry.model.ResourceKey;
import dev.ferry.model.io.Yaml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EndToEndTest {

    @TempDir
    Path dir;

    private TestClusters clusters;
    private SourceCluster source;
    private TargetCluster target;

    @BeforeEach
    void start() throws Exception {
        clusters = TestClusters.start(dir, java.time.Duration.ofMillis(300));
        source = clusters.source();
        target = clusters.target();
    }

    @AfterEach
    void stop() {
        source.close();
        target.close();
        clusters.close();
    }

    private WaveRequest request(int wave, List<KubeObject> objects, String namespace) {
        return new WaveRequest(wave, objects, dir.resolve("bundle"), Fixtures.secretValues(namespace),
                clusters.sourceServer.url());
    }

    @Test
    void connectingReportsContextServerVersionAndUser() {
        assertThat(source.info().context()).isEqualTo("source");
        assertThat(source.info().server()).isEqualTo(clusters.sourceServer.url());
        assertThat(source.info().kubernetesVersion()).isNotBlank();
        assertThat(source.info().user()).isEqualTo("ferry-source-user");
        assertThat(target.info().context()).isEqualTo("target");
    }

    @Test
    void inventoryToApplyToStatusToRollbackOnSandboxes() throws Exception {
        clusters.sourceServer.load(List.of(Fixtures.sourceSecret("shop"), Yaml.parse(
                "apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n"), Yaml.parse(
                "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: web-config, namespace: shop}\ndata: {a: b}\n")));
        clusters.sourceServer.faults().on("GET", "/apis/networking.k8s.io/v1/ingresses").always().respond(403);
        InventoryResult inventory = EndToEndScenario.inventory(source, dir.resolve("inventory"), List.of());
        assertThat(inventory.objects()).isGreaterThanOrEqualTo(3);
        assertThat(inventory.failures()).singleElement().satisfies(f -> assertThat(f.reason()).contains("403"));
        assertThat(Files.readString(dir.resolve("inventory/shop/secret.db.yaml"))).doesNotContain(Fixtures.CANARY)
                .doesNotContain(Fixtures.base64(Fixtures.CANARY)).contains("ferry.dev/value-digests");

        target.apply(Fixtures.storageClass("gp3").body(), false);
        List<KubeObject> wave = Fixtures.fullWave("shop");
        EndToEndScenario.applyCheckAndRollBack(target, wave, dir.resolve("bundle"), 1, request(1, wave, "shop"));
    }

    @Test
    void theDryRunRunsForEveryObjectBeforeAnyWriteAndEachObjectIsWrittenOnce() throws Exception {
        List<KubeObject> wave = Fixtures.portableWave("shop");
        List<ObjectEvent> events = new CopyOnWriteArrayList<>();

        WaveResult result = new WaveApplier(target, TestClusters.applyOptions(), events::add, Cancellation.none())
                .apply(request(1, wave, "shop"));

        assertThat(result.outcome()).isEqualTo(WaveResult.Outcome.APPLIED);
        var log = clusters.targetServer.requests().entries();
        int lastDryRun = -1;
        int firstWrite = Integer.MAX_VALUE;
        for (int i = 0; i < log.size(); i++) {
            var request = log.get(i).request();
            if (request.method().equals("PATCH") && request.dryRun()) {
                lastDryRun = i;
            } else if (request.method().equals("PATCH")) {
                firstWrite = Math.min(firstWrite, i);
            }
        }
        assertThat(lastDryRun).isLessThan(firstWrite);
        for (KubeObject object : wave) {
            assertThat(clusters.targetServer.requests().countWrites("PATCH", Fixtures.pathOf(object.key())))
                    .as(object.key().toString()).isEqualTo(1);
            assertThat(events).anyMatch(e -> e.resource().equals(object.key()) && e.phase() == Phase.APPLIED);
        }
        assertThat(events).anyMatch(e -> e.phase() == Phase.WAITING && e.resource().kind().equals("Deployment")
                && !e.detail().isEmpty());
        assertThat(Files.readAllLines(dir.resolve("bundle/journal/wave-1.jsonl"))).isNotEmpty();
    }

    @Test
    void theDryRunCollectsEveryRejectionAndNothingIsWritten() throws Exception {
        List<KubeObject> wave = new ArrayList<>(Fixtures.portableWave("shop"));
        // in an existing namespace: objects whose namespace the wave creates can only be checked when applied
        wave.add(Fixtures.object("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: bad, namespace: default}\n"
                + "data: {a: b}\nunknownField: 1\n"));

        WaveResult result = new WaveApplier(target, TestClusters.applyOptions(), WaveListener.none(),
                Cancellation.none()).apply(new WaveRequest(1, wave, dir.resolve("bundle"),
                dev.ferry.cluster.apply.SecretValues.none(), null));

        assertThat(result.outcome()).isEqualTo(WaveResult.Outcome.REJECTED);
        assertThat(result.rejections()).extracting(r -> r.resource().name()).contains("db", "bad");
        assertThat(result.rejections().toString()).contains("password").contains("FERRY_SECRET_SHOP__DB__PASSWORD")
                .contains("unknownField");
        assertThat(clusters.targetServer.requests().count(e -> e.request().method().equals("PATCH")
                && !e.request().dryRun())).isZero();
    }

    @Test
    void applyRefusesATargetThatIsTheSource() throws Exception {
        try (TargetCluster sourceAsTarget = TestClusters.connector().connectTarget(clusters.kubeconfig, "source")) {
            List<KubeObject> wave = Fixtures.portableWave("shop");
            assertThatThrownBy(() -> new WaveApplier(sourceAsTarget, TestClusters.applyOptions(),
                    WaveListener.none(), Cancellation.none()).apply(request(1, wave, "shop")))
                    .isInstanceOf(ClusterException.class).hasMessageContaining("source cluster");
        }
        assertThat(clusters.sourceServer.requests().count(e -> e.request().method().equals("PATCH"))).isZero();
    }

    @Test
    void rollbackRestoresWhatTheWaveReplacedAndRollingBackEveryWaveLeavesTheTargetAsBefore() throws Exception {
        target.apply(Fixtures.object("apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n").body(), false);
        target.apply(Fixtures.object("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: web-config, namespace: shop,"
                + " labels: {owner: ops}}\ndata: {LOG_LEVEL: debug, OLD: x}\n").body(), false);
        ObjectNode before = target.get(ResourceKey.of("v1", "ConfigMap", "shop", "web-config")).orElseThrow();
        List<String> initial = liveKeys(Fixtures.portableWave("shop"));

        List<KubeObject> wave0 = Fixtures.portableWave("shop").subList(0, 3);
        List<KubeObject> wave1 = Fixtures.portableWave("shop").subList(3, 6);
        assertThat(new WaveApplier(target, TestClusters.applyOptions(), WaveListener.none(), Cancellation.none())
                .apply(request(0, wave0, "shop")).outcome()).isEqualTo(WaveResult.Outcome.APPLIED);
        assertThat(new WaveApplier(target, TestClusters.applyOptions(), WaveListener.none(), Cancellation.none())
                .apply(request(1, wave1, "shop")).outcome()).isEqualTo(WaveResult.Outcome.APPLIED);
        ObjectNode changed = target.get(ResourceKey.of("v1", "ConfigMap", "shop", "web-config")).orElseThrow();
        assertThat(changed.path("data").path("LOG_LEVEL").asText()).isEqualTo("info");

        RollbackResult last = new WaveRollback(target, TestClusters.rollbackOptions(), WaveListener.none(),
                Cancellation.none()).rollback(1, dir.resolve("bundle"));
        assertThat(last.verified()).isTrue();
        assertThat(target.get(ResourceKey.of("apps/v1", "Deployment", "shop", "web"))).isEmpty();

        RollbackResult first = new WaveRollback(target, TestClusters.rollbackOptions(), WaveListener.none(),
                Cancellation.none()).rollback(0, dir.resolve("bundle"));
        assertThat(first.verified()).as(first.differences().toString()).isTrue();
        assertThat(first.restored()).isEqualTo(1);
        ObjectNode restored = target.get(ResourceKey.of("v1", "ConfigMap", "shop", "web-config")).orElseThrow();
        assertThat(restored.path("data")).isEqualTo(before.path("data"));
        assertThat(restored.path("metadata").path("labels")).isEqualTo(before.path("metadata").path("labels"));
        assertThat(liveKeys(Fixtures.portableWave("shop"))).isEqualTo(initial);

        RollbackResult again = new WaveRollback(target, TestClusters.rollbackOptions(), WaveListener.none(),
                Cancellation.none()).rollback(0, dir.resolve("bundle"));
        assertThat(again.nothingToDo()).isTrue();
    }

    @Test
    void statusTellsReadyDriftedAndMissing() throws Exception {
        List<KubeObject> wave = Fixtures.portableWave("shop");
        new WaveApplier(target, TestClusters.applyOptions(), WaveListener.none(), Cancellation.none())
                .apply(request(1, wave, "shop"));
        ObjectNode config = target.get(wave.get(2).key()).orElseThrow();
        config.with("data").put("LOG_LEVEL", "trace");
        target.replace(config);
        target.delete(wave.get(4).key());

        List<ObjectStatus> status = new WaveStatusService(target).status(wave);

        assertThat(status.get(2).state()).isEqualTo(ObjectStatus.State.DRIFTED);
        assertThat(status.get(2).detail()).contains("/data/LOG_LEVEL").doesNotContain("trace");
        assertThat(status.get(3).state()).isEqualTo(ObjectStatus.State.READY);
        assertThat(status.get(4).state()).isEqualTo(ObjectStatus.State.MISSING);
        assertThat(status.get(5).state()).isEqualTo(ObjectStatus.State.READY);
    }

    @Test
    void anExistingTargetSecretIsNotReplacedUnlessAllowedAndRollbackLeavesIt() throws Exception {
        target.apply(Fixtures.object("apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n").body(), false);
        target.apply(Fixtures.object("apiVersion: v1\nkind: Secret\nmetadata: {name: db, namespace: shop}\n"
                + "data: {password: " + Fixtures.base64("target-own") + "}\n").body(), false);
        List<KubeObject> wave = List.of(Fixtures.proposedSecret("shop"));

        WaveResult refused = new WaveApplier(target, TestClusters.applyOptions(), WaveListener.none(),
                Cancellation.none()).apply(request(2, wave, "shop"));
        assertThat(refused.outcome()).isEqualTo(WaveResult.Outcome.REJECTED);
        assertThat(refused.rejections().get(0).message()).contains("already exists").contains("--replace-existing-secrets");

        WaveResult replaced = new WaveApplier(target, TestClusters.applyOptions().withReplaceExistingSecrets(true),
                WaveListener.none(), Cancellation.none()).apply(request(2, wave, "shop"));
        assertThat(replaced.outcome()).isEqualTo(WaveResult.Outcome.APPLIED);
        RollbackResult rollback = new WaveRollback(target, TestClusters.rollbackOptions(), WaveListener.none(),
                Cancellation.none()).rollback(2, dir.resolve("bundle"));
        assertThat(rollback.skipped()).singleElement().satisfies(s -> assertThat(s.message())
                .contains("never records Secret values"));
        assertThat(rollback.verified()).isFalse();
    }

    private List<String> liveKeys(List<KubeObject> objects) throws ClusterException {
        List<String> present = new ArrayList<>();
        for (KubeObject object : objects) {
            if (target.get(object.key()).isPresent()) {
                present.add(object.key().toString());
            }
        }
        return present;
    }
}
