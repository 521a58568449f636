package dev.ferry.app.waves;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.app.fixture.RecordingErrors;
import dev.ferry.app.fixture.TestBundles;
import dev.ferry.app.fixture.TestContexts;
import dev.ferry.app.review.ReviewActions;
import dev.ferry.app.state.WorkbenchContext;
import dev.ferry.model.ResourceKey;
import dev.ferry.plan.review.ApproveCommand;
import dev.ferry.plan.review.ChangeSelection;
import dev.ferry.plan.waves.BlockerKind;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavesViewModelTest {

    @TempDir
    Path temp;

    private final RecordingErrors errors = new RecordingErrors();
    private WorkbenchContext context;
    private ReviewActions actions;
    private WavesViewModel model;

    @BeforeEach
    void openStoreDemo() throws Exception {
        context = TestContexts.synchronous(temp.resolve("config"), errors);
        actions = new ReviewActions(context);
        model = new WavesViewModel(context, actions);
        TestContexts.open(context, TestBundles.storeDemo(temp));
    }

    @AfterEach
    void close() {
        context.state().review().session().close();
    }

    @Test
    void offersToPlanWhenThereAreNoWaves() {
        assertThat(model.plannedProperty().get()).isFalse();
        assertThat(model.waves()).isEmpty();
        assertThat(model.summaryProperty().get()).startsWith("No waves yet");
    }

    @Test
    void planningListsEveryWaveWithItsCountsAndBlockers() {
        model.planWaves();

        assertThat(model.plannedProperty().get()).isTrue();
        assertThat(model.waves()).isNotEmpty();
        int members = model.waves().stream().mapToInt(w -> w.wave().members().size()).sum();
        assertThat(members).isEqualTo(context.state().review().plan().orElseThrow().members().size());
        assertThat(model.waves()).anyMatch(WaveRow::blocked);
        assertThat(model.waves().stream().flatMap(w -> w.blockers().stream()))
                .anyMatch(b -> b.kind() == BlockerKind.PENDING_CHANGE);
        assertThat(model.selectedProperty().get()).isEqualTo(model.waves().get(0));
        assertThat(model.summaryProperty().get()).contains("waves").contains("blocked");
    }

    @Test
    void approvingEverythingClearsThePendingChangeBlockers() throws Exception {
        model.planWaves();

        actions.execute(new ApproveCommand(ChangeSelection.all(), "alice", ""), s -> { });

        assertThat(model.waves().stream().flatMap(w -> w.blockers().stream()))
                .noneMatch(b -> b.kind() == BlockerKind.PENDING_CHANGE || b.kind() == BlockerKind.ACTION_REQUIRED);
    }

    @Test
    void movesTheSelectedObjectToANewWaveAndRenamesIt() {
        model.planWaves();
        ResourceKey object = context.state().review().plan().orElseThrow().members().get(0);
        context.state().select(object);
        int before = model.waves().size();
        assertThat(model.selectionWaveProperty().get()).contains("is in wave");

        model.moveSelectionTo(before);

        assertThat(model.waves()).hasSize(before + 1);
        assertThat(model.waves().get(before).wave().members()).containsExactly(object);
        assertThat(model.selectionWaveProperty().get()).endsWith("is in wave " + before);

        model.rename(before, "canary");

        assertThat(model.waves().get(before).wave().name()).isEqualTo("canary");
        assertThat(context.state().review().audit()).extracting(a -> a.action()).contains("move-to-wave");
    }

    @Test
    void aBlankNameIsRefusedWithAMessage() {
        model.planWaves();

        model.rename(0, "  ");

        assertThat(errors.notified).singleElement().asString().contains("name");
    }

    @Test
    void clusterActionsWaitForATarget() {
        assertThat(model.clusterActionsEnabledProperty().get()).isFalse();
        assertThat(model.clusterActionsReasonProperty().get()).contains("No target is connected");
    }
}
