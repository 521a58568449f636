package dev.ferry.plan.waves;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Direction;
import dev.ferry.model.KubeObject;
import dev.ferry.model.ResourceKey;
import dev.ferry.plan.refs.BuiltInTargets;
import dev.ferry.plan.refs.Objects;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WaveCheckerTest {

    private final WavePlanner planner = new WavePlanner();
    private final WaveChecker checker = new WaveChecker(BuiltInTargets.of(Direction.AKS_TO_EKS));
    private final List<KubeObject> estate = SmallEstate.objects();

    private static final ResourceKey SHARED_CONFIG = ResourceKey.of("v1", "ConfigMap", "data", "shared-config");
    private static final ResourceKey METRICS = ResourceKey.of("apps/v1", "Deployment", "data", "metrics");

    private List<WaveBlocker> check(WavePlan plan) {
        return checker.check(plan, estate, Map.of(), Map.of());
    }

    @Test
    void theAutomaticPlanOfACompleteEstateHasNoBlockers() {
        assertThat(check(planner.auto(estate))).isEmpty();
    }

    @Test
    void blocksAWaveThatUsesSomethingOfALaterWaveNamingBothEnds() {
        WavePlan plan = planner.auto(estate).move(Set.of(SHARED_CONFIG), 5);

        List<WaveBlocker> blockers = check(plan);

        assertThat(blockers).extracting(WaveBlocker::wave).containsExactly(1, 4);
        assertThat(blockers.get(0)).satisfies(b -> {
            assertThat(b.kind()).isEqualTo(BlockerKind.LATER_WAVE_REFERENCE);
            assertThat(b.object()).isEqualTo(METRICS);
            assertThat(b.dependency()).contains(SHARED_CONFIG);
            assertThat(b.path()).isEqualTo("spec.template.spec.containers[0].envFrom[0].configMapRef");
            assertThat(b.message()).isEqualTo("Wave 1 (namespace data): Deployment data/metrics uses ConfigMap "
                    + "data/shared-config (spec.template.spec.containers[0].envFrom[0].configMapRef), which is "
                    + "applied in wave 5 (stateful data/files). Move it to wave 1 or earlier, or move the Deployment "
                    + "later.");
        });
        assertThat(blockers.get(1).message()).startsWith("Wave 4 (stateful data/postgres): StatefulSet "
                + "data/postgres uses ConfigMap data/shared-config");
    }

    @Test
    void blocksAPlatformObjectWhoseClassComesLater() {
        ResourceKey gp3 = ResourceKey.of("storage.k8s.io/v1", "StorageClass", "", "gp3");
        WavePlan plan = planner.auto(estate).move(Set.of(gp3), 6);

        assertThat(check(plan)).extracting(WaveBlocker::message).containsExactly(
                "Wave 4 (stateful data/postgres): StatefulSet data/postgres uses StorageClass gp3 "
                        + "(spec.volumeClaimTemplates[0].spec.storageClassName), which is applied in wave 6 (wave 6). "
                        + "Move it to wave 4 or earlier, or move the StatefulSet later.",
                "Wave 5 (stateful data/files): PersistentVolumeClaim data/files-data uses StorageClass gp3 "
                        + "(spec.storageClassName), which is applied in wave 6 (wave 6). Move it to wave 5 or "
                        + "earlier, or move the PersistentVolumeClaim later.");
    }

    @Test
    void lateBindingReferencesDoNotBlock() {
        ResourceKey deployer = ResourceKey.of("v1", "ServiceAccount", "zeta", "deployer");
        WavePlan plan = planner.auto(estate).move(Set.of(deployer), 6);

        assertThat(check(plan)).isEmpty();
    }

    @Test
    void blocksAReferenceNoWaveAppliesButNotABuiltIn() {
        List<KubeObject> withMissing = new ArrayList<>(estate);
        withMissing.addAll(Objects.parse("""
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata: {name: scratch, namespace: zeta}
                spec: {storageClassName: gp2}
                ---
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata: {name: old, namespace: zeta}
                spec: {storageClassName: managed-csi-premium}
                """));
        WavePlan plan = planner.auto(withMissing);

        List<WaveBlocker> blockers = checker.check(plan, withMissing, Map.of(), Map.of());

        assertThat(blockers).singleElement().satisfies(b -> {
            assertThat(b.kind()).isEqualTo(BlockerKind.UNRESOLVED_REFERENCE);
            assertThat(b.dependency()).map(ResourceKey::name).contains("managed-csi-premium");
            assertThat(b.message()).isEqualTo("Wave 2 (namespace zeta): PersistentVolumeClaim zeta/old uses "
                    + "StorageClass managed-csi-premium (spec.storageClassName), which no wave applies and the target "
                    + "cluster does not have. Add it to the estate or change the reference.");
        });
    }

    @Test
    void blocksAWaveWithPendingChangesOrActionRequiredFindings() {
        WavePlan plan = planner.auto(estate);
        ResourceKey web = ResourceKey.of("apps/v1", "Deployment", "alpha", "web");

        List<WaveBlocker> blockers = checker.check(plan, estate,
                Map.of(web, List.of("c-0012", "c-0040")),
                Map.of(web, List.of("Fill in `aws.accountId` in settings.yaml.")));

        assertThat(blockers).extracting(WaveBlocker::kind)
                .containsExactly(BlockerKind.PENDING_CHANGE, BlockerKind.ACTION_REQUIRED);
        assertThat(blockers).allSatisfy(b -> {
            assertThat(b.wave()).isEqualTo(3);
            assertThat(b.object()).isEqualTo(web);
            assertThat(b.dependency()).isEqualTo(Optional.empty());
        });
        assertThat(blockers).extracting(WaveBlocker::message).containsExactly(
                "Wave 3 (namespace alpha): Deployment alpha/web has 2 changes not decided yet (c-0012, c-0040). "
                        + "Approve or reject them before applying the wave.",
                "Wave 3 (namespace alpha): Deployment alpha/web needs action: Fill in `aws.accountId` in "
                        + "settings.yaml. Resolve it before applying the wave.");
    }
}
