package dev.ferry.app.inspector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.app.fixture.RecordingErrors;
import dev.ferry.app.fixture.TestBundles;
import dev.ferry.app.fixture.TestContexts;
import dev.ferry.app.review.ReviewActions;
import dev.ferry.app.review.ReviewSnapshot;
import dev.ferry.app.state.WorkbenchContext;
import dev.ferry.engine.Edge;
import dev.ferry.model.ResourceKey;
import dev.ferry.plan.review.AuditEntry;
import dev.ferry.plan.review.ChangeSelection;
import dev.ferry.plan.review.ReviewStatus;
import dev.ferry.plan.review.ReviewedChange;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectorViewModelTest {

    @TempDir
    Path temp;

    private final RecordingErrors errors = new RecordingErrors();
    private WorkbenchContext context;
    private InspectorViewModel model;
    private ResourceKey ingress;

    @BeforeEach
    void openStoreDemoAndSelectTheIngress() throws Exception {
        context = TestContexts.synchronous(temp.resolve("config"), errors);
        model = new InspectorViewModel(context, new ReviewActions(context));
        ReviewSnapshot snapshot = TestContexts.open(context, TestBundles.storeDemo(temp));
        ingress = snapshot.rows().stream().filter(r -> r.key().kind().equals("Ingress")).findFirst().orElseThrow().key();
        context.state().select(ingress);
    }

    @AfterEach
    void close() {
        context.state().review().session().close();
    }

    @Test
    void showsTheSelectedObjectsChangesWithSummaryRationaleAndRule() {
        assertThat(model.titleProperty().get()).isEqualTo("Ingress " + ingress.name());
        assertThat(model.changes()).isNotEmpty();
        assertThat(model.changes()).allMatch(c -> c.change().resource().equals(ingress));
        assertThat(model.changes()).anyMatch(c -> c.change().edge() == Edge.INGRESS && !c.change().summary().isBlank()
                && !c.change().rule().isBlank());
        assertThat(model.edges()).contains(Edge.INGRESS);
        assertThat(model.decidableProperty().get()).isTrue();
    }

    @Test
    void approveExecutesAnApproveCommandForTheObjectAsTheReviewerWithTheComment() {
        model.commentProperty().set("ALB health probe checked with the team");

        model.approveObject();

        ReviewSnapshot now = context.state().review();
        assertThat(now.changesFor(ingress)).allMatch(c -> c.status() == ReviewStatus.APPROVED);
        assertThat(now.changesFor(ingress)).allMatch(c -> c.decision().orElseThrow().by().equals("alice")
                && c.decision().orElseThrow().comment().equals("ALB health probe checked with the team"));
        AuditEntry last = now.audit().get(now.audit().size() - 1);
        assertThat(last.action()).isEqualTo("approve");
        assertThat(last.by()).isEqualTo("alice");
        assertThat(last.description()).contains(ingress.toString());
        assertThat(model.commentProperty().get()).as("the comment went with the decision").isEmpty();
        assertThat(model.changes()).allMatch(c -> c.status() == ReviewStatus.APPROVED);
    }

    @Test
    void rejectThenUndoThenRedo() {
        model.rejectObject();
        assertThat(statuses()).containsOnly(ReviewStatus.REJECTED);
        assertThat(model.canUndoProperty().get()).isTrue();
        assertThat(model.undoTextProperty().get()).startsWith("Undo reject");

        model.undo();
        assertThat(statuses()).containsOnly(ReviewStatus.PENDING);
        assertThat(model.canRedoProperty().get()).isTrue();

        model.redo();
        assertThat(statuses()).containsOnly(ReviewStatus.REJECTED);
    }

    @Test
    void approvingOneChangeLeavesTheOthersPending() {
        ReviewedChange first = model.changes().get(0);

        model.approveChange(first.id());

        assertThat(context.state().review().session().change(first.id()).orElseThrow().status())
                .isEqualTo(ReviewStatus.APPROVED);
        assertThat(model.changes().stream().filter(c -> !c.id().equals(first.id())))
                .allMatch(c -> c.status() == ReviewStatus.PENDING);
    }

    @Test
    void approveAllForAnEdgeAsksWithTheSessionsCountAndRunsOnlyWhenConfirmed() {
        int expected = context.state().review().session().count(ChangeSelection.edge(Edge.INGRESS));

        model.requestApproveEdge(Edge.INGRESS);

        Confirmation confirmation = model.confirmationProperty().get();
        assertThat(confirmation.count()).isEqualTo(expected).isPositive();
        assertThat(confirmation.question()).contains(String.valueOf(expected)).contains("ingress").contains("alice");
        model.dismissConfirmation();
        assertThat(model.confirmationProperty().get()).isNull();
        assertThat(context.state().review().pendingChanges()).isEqualTo(context.state().review().totalChanges());

        model.requestApproveEdge(Edge.INGRESS);
        model.confirm();

        assertThat(context.state().review().session().changes().stream()
                .filter(c -> c.change().edge() == Edge.INGRESS))
                .hasSize(expected).allMatch(c -> c.status() == ReviewStatus.APPROVED);
    }

    @Test
    void approveAllInTheNamespaceCountsTheNamespacesChanges() {
        int expected = context.state().review().session().count(ChangeSelection.namespace(ingress.namespace()));

        model.requestApproveNamespace();

        assertThat(model.confirmationProperty().get().count()).isEqualTo(expected);
    }

    @Test
    void nothingToDecideWhenNoObjectIsSelected() {
        context.state().select(null);

        assertThat(model.decidableProperty().get()).isFalse();
        assertThat(model.changes()).isEmpty();
        model.approveObject();
        assertThat(context.state().review().audit()).isEmpty();
    }

    @Test
    void approvingTwiceWithoutAChangeNotifiesInsteadOfFailing() {
        model.approveObject();
        model.approveObject();

        assertThat(errors.notified).singleElement().asString().contains("Nothing to approve");
        assertThat(errors.unexpected).isEmpty();
    }

    private java.util.List<ReviewStatus> statuses() {
        return context.state().review().changesFor(ingress).stream().map(ReviewedChange::status).toList();
    }
}
