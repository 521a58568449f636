package dev.ferry.app.main;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.app.fixture.RecordingErrors;
import dev.ferry.app.fixture.TestBundles;
import dev.ferry.app.fixture.TestContexts;
import dev.ferry.app.review.ObjectRow;
import dev.ferry.app.review.ReviewActions;
import dev.ferry.app.review.ReviewSnapshot;
import dev.ferry.app.state.WorkbenchContext;
import dev.ferry.engine.Edge;
import dev.ferry.model.ResourceKey;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiffPaneViewModelTest {

    @TempDir
    Path temp;

    private final RecordingErrors errors = new RecordingErrors();
    private WorkbenchContext context;
    private DiffPaneViewModel model;
    private ReviewSnapshot snapshot;

    @BeforeEach
    void openStoreDemo() throws Exception {
        context = TestContexts.synchronous(temp.resolve("config"), errors);
        model = new DiffPaneViewModel(context, new ReviewActions(context));
        snapshot = TestContexts.open(context, TestBundles.storeDemo(temp));
    }

    @AfterEach
    void close() {
        context.state().review().session().close();
    }

    private ResourceKey first(String kind) {
        return snapshot.rows().stream().map(ObjectRow::key).filter(k -> k.kind().equals(kind)).findFirst().orElseThrow();
    }

    @Test
    void showsSourceProposedAndWhatEachEdgeAloneDoes() throws Exception {
        context.state().review().session().close();
        snapshot = TestContexts.open(context, TestBundles.generated(temp, 200));
        ObjectRow changed = snapshot.rows().stream()
                .filter(r -> r.inSource() && r.inProposed() && !r.key().kind().equals("Secret")
                        && snapshot.changesFor(r.key()).stream().anyMatch(c -> c.change().altersTarget()))
                .findFirst().orElseThrow();

        context.state().select(changed.key());

        DiffPaneViewModel.DiffContent content = model.contentProperty().get();
        assertThat(content.key()).isEqualTo(changed.key());
        assertThat(content.source()).contains("kind: " + changed.key().kind());
        assertThat(content.proposed()).contains("kind: " + changed.key().kind()).isNotEqualTo(content.source());
        assertThat(content.editable()).isTrue();
        assertThat(content.perEdge()).isNotEmpty()
                .allMatch(e -> changed.edges().stream().anyMatch(edge -> edge.id().equals(e.edgeId())));
        assertThat(content.perEdge()).allMatch(e -> !e.yamlAfterThisEdgeOnly().equals(content.source()));
    }

    @Test
    void aSecretIsNotEditableAndShowsNoValues() {
        context.state().select(first("Secret"));

        DiffPaneViewModel.DiffContent content = model.contentProperty().get();
        assertThat(content.editable()).isFalse();
        assertThat(content.source()).doesNotContainPattern("(?m)^data:").contains("ferry.dev/value-digests");
    }

    @Test
    void aSavedEditBecomesTheObjectsManualChange() {
        ResourceKey service = first("Service");
        context.state().select(service);
        String edited = model.contentProperty().get().proposed().replace("metadata:\n",
                "metadata:\n  labels:\n    team: storefront\n");

        model.saveEdit(service, edited);

        assertThat(context.state().review().changesFor(service)).anyMatch(c -> c.change().edge() == Edge.MANUAL);
        assertThat(context.state().review().proposed(service).orElseThrow().labels()).containsEntry("team", "storefront");
        assertThat(errors.notified).isEmpty();
    }

    @Test
    void anEditThatIsNotYamlIsReportedAndNotSaved() {
        ResourceKey service = first("Service");

        model.saveEdit(service, "kind: [unclosed");

        assertThat(errors.notified).singleElement().asString().contains("does not parse");
        assertThat(context.state().review().changesFor(service)).noneMatch(c -> c.change().edge() == Edge.MANUAL);
    }
}
