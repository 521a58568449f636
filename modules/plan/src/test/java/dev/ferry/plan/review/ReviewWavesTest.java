package dev.ferry.plan.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.model.ResourceKey;
import dev.ferry.plan.testing.TestBundles;
import dev.ferry.plan.waves.BlockerKind;
import dev.ferry.plan.waves.WaveBlocker;
import dev.ferry.plan.waves.WavePlan;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReviewWavesTest {

    private static final ResourceKey CONFIG = ResourceKey.of("v1", "ConfigMap", "shop", "web-config");
    private static final ResourceKey DEPLOYMENT = ResourceKey.of("apps/v1", "Deployment", "shop", "web");

    @TempDir
    Path dir;

    @Test
    void wavesArePlannedSavedAndEditedWithUndo() throws Exception {
        Path bundle = TestBundles.shop(dir.resolve("bundle"));
        try (ReviewSession session = ReviewSession.open(bundle)) {
            assertThat(session.plan()).isEmpty();
            assertThatThrownBy(() -> session.execute(new MoveToWaveCommand(Set.of(CONFIG), 1, "lee")))
                    .isInstanceOf(ReviewException.class).hasMessageContaining("plan them first");
            session.execute(new PlanWavesCommand("lee"));
            WavePlan plan = session.plan().orElseThrow();
            assertThat(plan.waves().get(0).name()).isEqualTo("platform");
            assertThat(plan.waveOf(DEPLOYMENT)).isPresent();
            session.execute(new RenameWaveCommand(plan.waveOf(DEPLOYMENT).getAsInt(), "shop cutover", "lee"));
        }
        try (ReviewSession session = ReviewSession.open(bundle)) {
            assertThat(session.verification().intact()).isTrue();
            WavePlan plan = session.plan().orElseThrow();
            assertThat(plan.wave(plan.waveOf(DEPLOYMENT).getAsInt()).orElseThrow().name()).isEqualTo("shop cutover");
            assertThat(session.canUndo()).as("undo history belongs to the session that made it").isFalse();
            assertThat(session.audit()).extracting(AuditEntry::action).containsExactly("plan-waves", "rename-wave");
        }
    }

    @Test
    void everyBlockedWaveNamesWhatBlocksIt() throws Exception {
        Path bundle = TestBundles.shop(dir.resolve("bundle"));
        try (ReviewSession session = ReviewSession.open(bundle)) {
            session.execute(new PlanWavesCommand("lee"));
            int shopWave = session.plan().orElseThrow().waveOf(DEPLOYMENT).getAsInt();
            assertThat(session.blockers()).as("every change is still pending")
                    .anySatisfy(b -> assertThat(b.kind()).isEqualTo(BlockerKind.PENDING_CHANGE));

            session.execute(new ApproveCommand(ChangeSelection.all(), "dana", ""));
            session.execute(new MoveToWaveCommand(Set.of(CONFIG), shopWave + 1, "lee"));
            List<WaveBlocker> blockers = session.blockers();
            assertThat(blockers).isNotEmpty().allSatisfy(b -> {
                assertThat(b.kind()).isEqualTo(BlockerKind.LATER_WAVE_REFERENCE);
                assertThat(b.wave()).isEqualTo(shopWave);
                assertThat(b.object()).isEqualTo(DEPLOYMENT);
                assertThat(b.dependency()).contains(CONFIG);
                assertThat(b.message()).contains("web-config", "shop/web");
            });
            session.undo();
            assertThat(session.blockers()).isEmpty();
        }
    }
}
