package dev.ferry.app.tree;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.app.fixture.RecordingErrors;
import dev.ferry.app.fixture.TestBundles;
import dev.ferry.app.fixture.TestContexts;
import dev.ferry.app.review.Approval;
import dev.ferry.app.review.ObjectRow;
import dev.ferry.app.review.ReviewSnapshot;
import dev.ferry.app.state.WorkbenchContext;
import dev.ferry.engine.Edge;
import dev.ferry.engine.run.ObjectStatus;
import dev.ferry.model.ResourceKey;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ObjectTreeViewModelTest {

    @TempDir
    Path temp;

    private final RecordingErrors errors = new RecordingErrors();
    private WorkbenchContext context;
    private ObjectTreeViewModel model;
    private ReviewSnapshot snapshot;

    @BeforeEach
    void openStoreDemo() throws Exception {
        context = TestContexts.synchronous(temp.resolve("config"), errors);
        model = new ObjectTreeViewModel(context);
        snapshot = TestContexts.open(context, TestBundles.storeDemo(temp));
    }

    @Test
    void showsEveryObjectGroupedByNamespaceAndKindWithCountsOnEveryBranch() {
        TreeModel tree = model.treeProperty().get();
        assertThat(tree.visible()).hasSize(snapshot.rows().size() - excludedCount());
        int sum = 0;
        for (TreeEntry namespace : tree.root().children()) {
            TreeEntry.Group ns = (TreeEntry.Group) namespace;
            int kinds = 0;
            for (TreeEntry kind : ns.children()) {
                TreeEntry.Group group = (TreeEntry.Group) kind;
                assertThat(group.counts().objects()).isEqualTo(group.children().size());
                kinds += group.counts().objects();
            }
            assertThat(ns.counts().objects()).isEqualTo(kinds);
            sum += kinds;
        }
        assertThat(tree.root().counts().objects()).isEqualTo(sum).isEqualTo(tree.visible().size());
        assertThat(model.summaryProperty().get()).contains("objects").contains("need you");
    }

    @Test
    void filtersToTheIngressEdge() {
        model.edgeProperty().set(Edge.INGRESS);

        List<ObjectRow> visible = model.treeProperty().get().visible();
        assertThat(visible).isNotEmpty().allMatch(row -> row.edges().contains(Edge.INGRESS));
        assertThat(visible).extracting(row -> row.key().kind()).contains("Ingress");
        assertThat(model.summaryProperty().get()).contains(" of ");
    }

    @Test
    void freeTextMatchesNameKindOrNamespaceIgnoringCase() {
        model.textProperty().set("STORE-FRONT");

        assertThat(model.treeProperty().get().visible()).isNotEmpty()
                .allMatch(row -> row.key().name().contains("store-front"));
    }

    @Test
    void needsMeShowsOnlyObjectsWithUndecidedChangesAndTogglesWithOneCall() {
        model.toggleNeedsMe();

        List<ObjectRow> visible = model.treeProperty().get().visible();
        assertThat(visible).isNotEmpty().allMatch(ObjectRow::needsMe);
        assertThat(visible.size()).isLessThan(snapshot.rows().size());
        model.toggleNeedsMe();
        assertThat(model.treeProperty().get().visible()).hasSizeGreaterThan(visible.size());
    }

    @Test
    void statusAndApprovalFiltersCombine() {
        model.statusProperty().set(ObjectStatus.UNCHANGED);
        assertThat(model.treeProperty().get().visible()).allMatch(row -> row.status() == ObjectStatus.UNCHANGED);

        model.approvalProperty().set(Approval.APPROVED);
        assertThat(model.treeProperty().get().visible()).isEmpty();

        model.clearFilters();
        assertThat(model.treeProperty().get().visible()).hasSize(snapshot.rows().size() - excludedCount());
    }

    @Test
    void excludedObjectsAppearOnlyOnDemandWithTheirReason() {
        assertThat(model.treeProperty().get().visible()).noneMatch(ObjectRow::excluded);

        model.showExcludedProperty().set(true);

        List<ObjectRow> excluded = model.treeProperty().get().visible().stream().filter(ObjectRow::excluded).toList();
        assertThat(excluded).hasSize(excludedCount());
        assertThat(excluded).allMatch(row -> !row.excludedReason().isBlank());
    }

    @Test
    void nextChangeWalksTheObjectsThatNeedADecisionAndWraps() {
        List<ResourceKey> needing = model.treeProperty().get().visible().stream().filter(ObjectRow::needsMe)
                .map(ObjectRow::key).toList();
        assertThat(needing).hasSizeGreaterThan(1);

        assertThat(model.selectNextChange()).isTrue();
        assertThat(context.state().selection()).isEqualTo(needing.get(0));
        model.selectNextChange();
        assertThat(context.state().selection()).isEqualTo(needing.get(1));
        model.selectPreviousChange();
        assertThat(context.state().selection()).isEqualTo(needing.get(0));
        model.selectPreviousChange();
        assertThat(context.state().selection()).isEqualTo(needing.get(needing.size() - 1));
    }

    @Test
    void namespaceFilterOffersTheReviewsNamespaces() {
        assertThat(model.namespaces()).isNotEmpty();
        String first = model.namespaces().get(0);

        model.namespaceProperty().set(first);

        assertThat(model.treeProperty().get().visible()).allMatch(row -> row.namespaceLabel().equals(first));
    }

    private int excludedCount() {
        return (int) snapshot.rows().stream().filter(ObjectRow::excluded).count();
    }
}
