package dev.ferry.plan.waves;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Direction;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.settings.MigrationSettings;
import dev.ferry.model.KubeObject;
import dev.ferry.model.ResourceKey;
import dev.ferry.model.io.ManifestReader;
import dev.ferry.model.io.Yaml;
import dev.ferry.plan.propose.ProposeService;
import dev.ferry.plan.refs.BuiltInTargets;
import dev.ferry.plan.refs.ObjectNames;
import dev.ferry.testkit.Corpus;
import dev.ferry.testkit.EstateGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Plans for real and generated estates after the AKS → EKS engine: every proposed object in exactly one wave, and
 * every blocked wave names the reference (both ends, the path, the wave of each) that blocks it.
 */
class EstatePlanTest {

    private static final String SETTINGS = """
            direction: aks-to-eks
            aws: {accountId: "111122223333", region: eu-west-1, clusterName: corpus-eks}
            identity: {mode: irsa, oidcProvider: oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLE}
            storage: {efsFileSystemId: fs-0123456789abcdef0}
            zones: {westeurope-1: eu-west-1a, westeurope-2: eu-west-1b, westeurope-3: eu-west-1c}
            """;

    private final WavePlanner planner = new WavePlanner();
    private final WaveChecker checker = new WaveChecker(BuiltInTargets.of(Direction.AKS_TO_EKS));

    private static List<KubeObject> propose(Path input) {
        Proposal proposal = new ProposeService().propose(List.of(input), MigrationSettings.of(Yaml.parse(SETTINGS)))
                .proposal();
        return proposal.proposed();
    }

    static Stream<String> corpusFolders() {
        return Corpus.AKS_FOLDERS.stream();
    }

    @ParameterizedTest
    @MethodSource("corpusFolders")
    void plansACorpusEstateAndNamesEveryBlockingReference(String folder) {
        Path root = Corpus.root().map(r -> r.resolve(folder)).filter(Files::isDirectory).orElse(null);
        Assumptions.assumeTrue(root != null, "corpus folder " + folder + " is not on this machine");
        List<KubeObject> proposed = propose(root);

        WavePlan plan = planner.auto(proposed);
        List<WaveBlocker> blockers = checker.check(plan, proposed, Map.of(), Map.of());

        assertEveryObjectInOneWave(plan, proposed);
        assertEveryReferenceBlockerIsNamed(plan, blockers);
        assertThat(blockers).extracting(WaveBlocker::kind).doesNotContain(BlockerKind.LATER_WAVE_REFERENCE);
    }

    @Test
    void plansAGeneratedEstateWithCrossNamespaceReferences(@TempDir Path dir) throws IOException {
        new EstateGenerator(42).withSharedNamespace().writeFiles(dir, 400);
        List<KubeObject> proposed = propose(dir);

        WavePlan plan = planner.auto(proposed);

        assertEveryObjectInOneWave(plan, proposed);
        int shared = waveNumber(plan, "namespace shared");
        assertThat(plan.waves()).filteredOn(w -> w.name().startsWith("namespace team-") && !w.name().endsWith("-0"))
                .isNotEmpty()
                .allSatisfy(w -> assertThat(w.number()).as(w.name()).isGreaterThan(shared));
        assertThat(waveNumber(plan, "stateful shared/cache")).isGreaterThan(shared);
        assertThat(checker.check(plan, proposed, Map.of(), Map.of()))
                .filteredOn(b -> b.kind() == BlockerKind.LATER_WAVE_REFERENCE).isEmpty();
    }

    @Test
    void namesEveryReferenceThatBlocksAfterAMove(@TempDir Path dir) throws IOException {
        new EstateGenerator(42).withSharedNamespace().writeFiles(dir, 400);
        List<KubeObject> proposed = propose(dir);
        ResourceKey prices = ResourceKey.of("v1", "ConfigMap", "shared", "prices");
        ResourceKey reader = ResourceKey.of("rbac.authorization.k8s.io/v1", "ClusterRole", "", "shared-config-reader");
        WavePlan auto = planner.auto(proposed);
        WavePlan moved = auto.move(Set.of(prices, reader), auto.size());

        List<WaveBlocker> blockers = checker.check(moved, proposed, Map.of(), Map.of());

        assertEveryReferenceBlockerIsNamed(moved, blockers);
        assertThat(blockers).filteredOn(b -> b.dependency().equals(java.util.Optional.of(prices)))
                .extracting(b -> b.object().toString()).containsExactly("StatefulSet/shared/cache");
        long teamNamespaces = auto.waves().stream().filter(w -> w.name().startsWith("namespace team-")).count();
        assertThat(blockers).filteredOn(b -> b.dependency().equals(java.util.Optional.of(reader)))
                .hasSize((int) teamNamespaces)
                .allSatisfy(b -> assertThat(b.message()).contains("uses ClusterRole shared-config-reader (roleRef), "
                        + "which is applied in wave " + auto.size() + " (wave " + auto.size() + ")"));
        assertThat(blockers.stream().map(WaveBlocker::wave).distinct().count()).isEqualTo(teamNamespaces + 1);
    }

    @Test
    void plansTenThousandObjectsInOnePass(@TempDir Path dir) throws IOException {
        new EstateGenerator(11).withSharedNamespace().writeFiles(dir, 10_000);
        List<KubeObject> estate = new ManifestReader().read(List.of(dir)).objects();

        WavePlan plan = planner.auto(estate);
        List<WaveBlocker> blockers = checker.check(plan, estate, Map.of(), Map.of());

        assertEveryObjectInOneWave(plan, estate);
        assertEveryReferenceBlockerIsNamed(plan, blockers);
    }

    private static int waveNumber(WavePlan plan, String name) {
        return plan.waves().stream().filter(w -> w.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no wave " + name + " in " + plan)).number();
    }

    private static void assertEveryObjectInOneWave(WavePlan plan, List<KubeObject> estate) {
        assertThat(plan.members()).hasSize(estate.stream().map(KubeObject::key).distinct().toList().size())
                .containsExactlyInAnyOrderElementsOf(estate.stream().map(KubeObject::key).distinct().toList());
        assertThat(plan.waves().get(0).kind()).isEqualTo(WaveKind.PLATFORM);
    }

    private static void assertEveryReferenceBlockerIsNamed(WavePlan plan, List<WaveBlocker> blockers) {
        for (WaveBlocker blocker : blockers) {
            Wave wave = plan.waves().get(blocker.wave());
            assertThat(blocker.message()).as("blocker of %s", wave.label()).startsWith(wave.label() + ": ")
                    .contains(ObjectNames.describe(blocker.object()));
            if (blocker.kind() == BlockerKind.LATER_WAVE_REFERENCE || blocker.kind() == BlockerKind.UNRESOLVED_REFERENCE) {
                ResourceKey dependency = blocker.dependency().orElseThrow();
                assertThat(blocker.message()).contains(ObjectNames.describe(dependency), "(" + blocker.path() + ")");
                if (blocker.kind() == BlockerKind.LATER_WAVE_REFERENCE) {
                    int later = plan.waveOf(dependency).orElseThrow();
                    assertThat(later).isGreaterThan(blocker.wave());
                    assertThat(blocker.message()).contains("applied in wave " + later + " ("
                            + plan.waves().get(later).name() + ")");
                }
            }
        }
    }
}
