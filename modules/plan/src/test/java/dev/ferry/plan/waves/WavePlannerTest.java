package dev.ferry.plan.waves;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.model.KubeObject;
import dev.ferry.model.ResourceKey;
import dev.ferry.plan.refs.Objects;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WavePlannerTest {

    private final WavePlanner planner = new WavePlanner();

    private static List<String> members(Wave wave) {
        return wave.members().stream().map(ResourceKey::toString).toList();
    }

    private static ResourceKey key(String apiVersion, String kind, String namespace, String name) {
        return ResourceKey.of(apiVersion, kind, namespace, name);
    }

    @Test
    void cutsPlatformThenNamespacesInDependencyOrderThenEachStatefulWorkload() {
        WavePlan plan = planner.auto(SmallEstate.objects());

        assertThat(plan.waves()).extracting(Wave::name).containsExactly("platform", "namespace data",
                "namespace zeta", "namespace alpha", "stateful data/postgres", "stateful data/files");
        assertThat(plan.waves()).extracting(Wave::kind).containsExactly(WaveKind.PLATFORM, WaveKind.STATELESS,
                WaveKind.STATELESS, WaveKind.STATELESS, WaveKind.STATEFUL, WaveKind.STATEFUL);
        assertThat(members(plan.waves().get(0))).containsExactly("Namespace/alpha", "Namespace/data", "Namespace/zeta",
                "StorageClass/gp3", "IngressClass/alb", "PriorityClass/high", "ClusterRole/reader",
                "ClusterRoleBinding/reader");
        assertThat(members(plan.waves().get(3))).containsExactly("ServiceAccount/alpha/web",
                "RoleBinding/alpha/deployer", "ConfigMap/alpha/web-config", "Service/alpha/web",
                "Deployment/alpha/web", "Ingress/alpha/web");
    }

    @Test
    void putsAStatefulWorkloadWithWhatOnlyItUses() {
        WavePlan plan = planner.auto(SmallEstate.objects());

        assertThat(members(plan.waves().get(4))).containsExactly("Secret/data/postgres-secret",
                "Service/data/postgres", "StatefulSet/data/postgres", "PodDisruptionBudget/data/postgres");
        assertThat(members(plan.waves().get(5))).containsExactly("PersistentVolumeClaim/data/files-data",
                "Deployment/data/files", "CronJob/data/backup");
        assertThat(members(plan.waves().get(1))).containsExactly("ConfigMap/data/shared-config",
                "Service/data/metrics", "Deployment/data/metrics");
    }

    @Test
    void placesEveryObjectInExactlyOneWave() {
        List<KubeObject> estate = SmallEstate.objects();
        WavePlan plan = planner.auto(estate);

        assertThat(plan.members()).hasSameSizeAs(estate)
                .containsExactlyInAnyOrderElementsOf(estate.stream().map(KubeObject::key).toList());
    }

    @Test
    void movesIntoAnExistingOrTheNextWave() {
        WavePlan plan = planner.auto(SmallEstate.objects());
        ResourceKey config = key("v1", "ConfigMap", "alpha", "web-config");

        WavePlan moved = plan.move(Set.of(config), 1);
        WavePlan created = plan.move(Set.of(config), plan.size());

        assertThat(moved.waveOf(config)).hasValue(1);
        assertThat(plan.waveOf(config)).hasValue(3);
        assertThat(created.size()).isEqualTo(plan.size() + 1);
        assertThat(created.waves().get(plan.size())).satisfies(w -> {
            assertThat(w.name()).isEqualTo("wave 6");
            assertThat(w.kind()).isEqualTo(WaveKind.CUSTOM);
            assertThat(w.members()).containsExactly(config);
        });
        assertThatThrownBy(() -> plan.move(Set.of(config), plan.size() + 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("there is no wave 7");
    }

    @Test
    void renamesAndRemovesOnlyEmptyNonPlatformWaves() {
        WavePlan plan = planner.auto(SmallEstate.objects());
        List<ResourceKey> zeta = plan.waves().get(2).members();

        WavePlan emptied = plan.move(Set.copyOf(zeta), 3).rename(3, "  apps  ");
        WavePlan removed = emptied.removeEmptyWave(2);

        assertThat(emptied.waves().get(3).name()).isEqualTo("apps");
        assertThat(removed.waves()).extracting(Wave::number).containsExactly(0, 1, 2, 3, 4);
        assertThat(removed.waves().get(2).name()).isEqualTo("apps");
        assertThat(removed.waveOf(zeta.get(0))).hasValue(2);
        assertThatThrownBy(() -> plan.removeEmptyWave(2))
                .hasMessage("Wave 2 (namespace zeta) still holds 2 objects; move them to other waves first");
        assertThatThrownBy(() -> new WavePlan(List.of(new Wave(0, "platform", WaveKind.PLATFORM, List.of())))
                .removeEmptyWave(0)).hasMessageContaining("platform wave");
    }

    @Test
    void reconcileKeepsMovesAndNamesDropsVanishedAndPlacesNewObjectsWhereAutoWould() {
        List<KubeObject> estate = SmallEstate.objects();
        WavePlan plan = planner.auto(estate);
        ResourceKey config = key("v1", "ConfigMap", "alpha", "web-config");
        ResourceKey service = key("v1", "Service", "alpha", "web");
        WavePlan edited = plan.move(Set.of(config), 1).rename(3, "alpha web shop");

        List<KubeObject> changed = new ArrayList<>(estate.stream().filter(o -> !o.key().equals(service)).toList());
        changed.addAll(Objects.parse("""
                apiVersion: v1
                kind: Secret
                metadata: {name: web-tls, namespace: alpha}
                ---
                apiVersion: v1
                kind: Namespace
                metadata: {name: newcomer}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: hello, namespace: newcomer}
                """));
        WavePlan reconciled = planner.reconcile(edited, changed);

        assertThat(reconciled.waveOf(config)).hasValue(1);
        assertThat(reconciled.waves().get(3).name()).isEqualTo("alpha web shop");
        assertThat(reconciled.waveOf(service)).isEmpty();
        assertThat(reconciled.waveOf(key("v1", "Secret", "alpha", "web-tls"))).hasValue(3);
        assertThat(reconciled.waveOf(key("v1", "Namespace", "", "newcomer"))).hasValue(0);
        assertThat(reconciled.waves().get(reconciled.size() - 1)).satisfies(w -> {
            assertThat(w.name()).isEqualTo("namespace newcomer");
            assertThat(members(w)).containsExactly("ConfigMap/newcomer/hello");
        });
        assertThat(reconciled.members()).containsExactlyInAnyOrderElementsOf(
                changed.stream().map(KubeObject::key).toList());
    }

    @Test
    void reconcileRemovesAWaveOnlyVanishedObjectsHeld() {
        List<KubeObject> estate = SmallEstate.objects();
        WavePlan plan = planner.auto(estate);
        List<KubeObject> withoutZeta = estate.stream().filter(o -> !o.namespace().equals("zeta")).toList();

        WavePlan reconciled = planner.reconcile(plan, withoutZeta);

        assertThat(reconciled.waves()).extracting(Wave::name).containsExactly("platform", "namespace data",
                "namespace alpha", "stateful data/postgres", "stateful data/files");
    }

    @Test
    void reconcileOfAnUneditedPlanIsTheAutomaticPlan() {
        List<KubeObject> estate = SmallEstate.objects();

        assertThat(planner.reconcile(planner.auto(estate), estate)).isEqualTo(planner.auto(estate));
    }

    @Test
    void keepsNamespacedObjectsWrittenWithoutANamespaceOutOfThePlatformWave() {
        List<KubeObject> estate = Objects.parse("""
                apiVersion: v1
                kind: ServiceAccount
                metadata: {name: api}
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: api}
                spec: {template: {spec: {serviceAccountName: api}}}
                ---
                apiVersion: cert-manager.io/v1
                kind: ClusterIssuer
                metadata: {name: letsencrypt}
                ---
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata: {name: widgets.example.com}
                spec: {group: example.com, scope: Cluster, names: {kind: Widget, plural: widgets}}
                ---
                apiVersion: example.com/v1
                kind: Widget
                metadata: {name: w}
                """);

        WavePlan plan = planner.auto(estate);

        assertThat(plan.waves()).extracting(Wave::name).containsExactly("platform", "no namespace");
        assertThat(members(plan.waves().get(0))).containsExactly("CustomResourceDefinition/widgets.example.com",
                "ClusterIssuer/letsencrypt", "Widget/w");
        assertThat(members(plan.waves().get(1))).containsExactly("ServiceAccount/api", "Deployment/api");
    }

    @Test
    void reconcileTakesTheApiVersionTheEstateNowUses() {
        List<KubeObject> estate = SmallEstate.objects();
        ResourceKey old = key("networking.k8s.io/v1beta1", "Ingress", "alpha", "web");
        WavePlan edited = new WavePlan(List.of(new Wave(0, "platform", WaveKind.PLATFORM, List.of()),
                new Wave(1, "web", WaveKind.CUSTOM, List.of(old))));

        WavePlan reconciled = planner.reconcile(edited, estate);

        assertThat(reconciled.waves().get(1).members()).filteredOn(k -> k.equals(old)).singleElement()
                .satisfies(k -> assertThat(k.apiVersion()).isEqualTo("networking.k8s.io/v1"));
    }
}
