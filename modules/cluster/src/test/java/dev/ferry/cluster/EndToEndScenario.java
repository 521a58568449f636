package dev.ferry.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.cluster.apply.ApplyOptions;
import dev.ferry.cluster.apply.Phase;
import dev.ferry.cluster.apply.WaveApplier;
import dev.ferry.cluster.apply.WaveRequest;
import dev.ferry.cluster.apply.WaveResult;
import dev.ferry.cluster.connect.Cancellation;
import dev.ferry.cluster.connect.SourceCluster;
import dev.ferry.cluster.connect.TargetCluster;
import dev.ferry.cluster.inventory.InventoryListener;
import dev.ferry.cluster.inventory.InventoryOptions;
import dev.ferry.cluster.inventory.InventoryResult;
import dev.ferry.cluster.inventory.InventoryService;
import dev.ferry.cluster.rollback.RollbackOptions;
import dev.ferry.cluster.rollback.RollbackResult;
import dev.ferry.cluster.rollback.WaveRollback;
import dev.ferry.cluster.status.ObjectStatus;
import dev.ferry.cluster.status.WaveStatusService;
import dev.ferry.model.KubeObject;
import dev.ferry.model.io.ManifestReader;
import dev.ferry.model.io.ManifestSet;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The end-to-end run both the sandbox test and the real-cluster test make: inventory of the source, dry run and apply
 * of a wave to the target with readiness, status, rollback that leaves the target as before.
 */
final class EndToEndScenario {

    private EndToEndScenario() {
    }

    static InventoryResult inventory(SourceCluster source, Path out, List<String> namespaces) throws Exception {
        InventoryResult result = new InventoryService(source, InventoryOptions.defaults().withNamespaces(namespaces)
                .withRetry(TestClusters.fastRetry()), InventoryListener.none(), Cancellation.none()).run(out);
        ManifestSet read = new ManifestReader().read(List.of(out));
        assertThat(read.problems()).isEmpty();
        assertThat((long) read.objects().size()).isEqualTo(result.objects());
        return result;
    }

    static void applyCheckAndRollBack(TargetCluster target, List<KubeObject> wave, Path bundle, int number,
                                      WaveRequest request) throws Exception {
        applyCheckAndRollBack(target, wave, bundle, number, request, TestClusters.applyOptions(),
                TestClusters.rollbackOptions());
    }

    static void applyCheckAndRollBack(TargetCluster target, List<KubeObject> wave, Path bundle, int number,
                                      WaveRequest request, ApplyOptions applyOptions,
                                      RollbackOptions rollbackOptions) throws Exception {
        List<Phase> phases = new CopyOnWriteArrayList<>();
        WaveApplier dryRun = new WaveApplier(target, applyOptions.withDryRunOnly(true),
                e -> phases.add(e.phase()), Cancellation.none());
        assertThat(dryRun.apply(request).outcome()).isEqualTo(WaveResult.Outcome.DRY_RUN_PASSED);
        for (KubeObject object : wave) {
            assertThat(target.get(object.key())).as("dry run wrote %s", object.key()).isEmpty();
        }

        WaveResult applied = new WaveApplier(target, applyOptions, e -> phases.add(e.phase()),
                Cancellation.none()).apply(request);
        assertThat(applied.outcome()).as(applied.toString()).isEqualTo(WaveResult.Outcome.APPLIED);
        assertThat(applied.applied()).isEqualTo(wave.size());
        assertThat(phases).contains(Phase.DRY_RUN_OK, Phase.APPLYING, Phase.APPLIED, Phase.READY);

        List<ObjectStatus> status = new WaveStatusService(target).status(wave);
        assertThat(status).extracting(ObjectStatus::state).containsOnly(ObjectStatus.State.READY);

        RollbackResult rollback = new WaveRollback(target, rollbackOptions, e -> { },
                Cancellation.none()).rollback(number, bundle);
        assertThat(rollback.differences()).isEmpty();
        assertThat(rollback.deleted()).isEqualTo(wave.size());
        for (KubeObject object : wave) {
            assertThat(target.get(object.key())).as("rollback left %s", object.key()).isEmpty();
        }
    }
}
