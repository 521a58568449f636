package dev.ferry.plan.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.engine.Edge;
import dev.ferry.model.KubeObject;
import dev.ferry.model.ResourceKey;
import dev.ferry.plan.bundle.BundleReader;
import dev.ferry.plan.testing.TestBundles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReviewSessionTest {

    private static final ResourceKey DEPLOYMENT = ResourceKey.of("apps/v1", "Deployment", "shop", "web");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private ReviewSession open() throws Exception {
        Path bundle = dir.resolve("bundle");
        if (!Files.exists(bundle)) {
            TestBundles.shop(bundle);
        }
        return ReviewSession.open(bundle, CLOCK);
    }

    private static String registryChange(ReviewSession session) {
        return session.changesFor(DEPLOYMENT).stream().filter(c -> c.change().edge() == Edge.REGISTRY)
                .filter(c -> c.change().altersTarget()).findFirst().orElseThrow().id();
    }

    private static String image(ReviewSession session) {
        return session.proposed(DEPLOYMENT).orElseThrow().at("/spec/template/spec/containers/0/image").asText();
    }

    @Test
    void everyChangeStartsPending() throws Exception {
        try (ReviewSession session = open()) {
            assertThat(session.changes()).isNotEmpty()
                    .allSatisfy(c -> assertThat(c.status()).isEqualTo(ReviewStatus.PENDING));
        }
    }

    @Test
    void approvalRecordsWhoWhenCommentAndTheContentHash() throws Exception {
        try (ReviewSession session = open()) {
            String id = registryChange(session);
            session.execute(new ApproveCommand(ChangeSelection.ids(List.of(id)), "dana", "image copied"));

            ReviewedChange change = session.change(id).orElseThrow();
            assertThat(change.status()).isEqualTo(ReviewStatus.APPROVED);
            Decision decision = change.decision().orElseThrow();
            assertThat(decision.by()).isEqualTo("dana");
            assertThat(decision.at()).isEqualTo(CLOCK.instant());
            assertThat(decision.comment()).isEqualTo("image copied");
            assertThat(decision.sha256()).isEqualTo(ChangeContent.sha256(change.change())).hasSize(64);
        }
    }

    @Test
    void decisionsSurviveClosingAndReopening() throws Exception {
        String id;
        try (ReviewSession session = open()) {
            id = registryChange(session);
            session.execute(new RejectCommand(ChangeSelection.ids(List.of(id)), "dana", "keep ACR for now"));
        }
        try (ReviewSession session = open()) {
            assertThat(session.verification().intact()).as(session.verification().toString()).isTrue();
            assertThat(session.change(id).orElseThrow().status()).isEqualTo(ReviewStatus.REJECTED);
            assertThat(session.audit()).extracting(AuditEntry::action).containsExactly("reject");
            assertThat(session.audit().get(0).by()).isEqualTo("dana");
        }
    }

    @Test
    void aRejectedChangeDropsOutOfTheProposedObjectAndTheFileOnDisk() throws Exception {
        try (ReviewSession session = open()) {
            assertThat(image(session)).contains(".dkr.ecr.");
            session.execute(new RejectCommand(ChangeSelection.ids(List.of(registryChange(session))), "dana", ""));

            assertThat(image(session)).isEqualTo("shopacr.azurecr.io/web:1.4.2");
            KubeObject onDisk = new BundleReader().read(session.folder()).proposed().stream()
                    .filter(o -> o.key().equals(DEPLOYMENT)).findFirst().orElseThrow();
            assertThat(onDisk.at("/spec/template/spec/containers/0/image").asText())
                    .isEqualTo("shopacr.azurecr.io/web:1.4.2");
        }
    }

    static Stream<Arguments> stateMachine() {
        return Stream.of(
                Arguments.of(List.of(), ReviewStatus.PENDING),
                Arguments.of(List.of("approve"), ReviewStatus.APPROVED),
                Arguments.of(List.of("reject"), ReviewStatus.REJECTED),
                Arguments.of(List.of("approve", "reject"), ReviewStatus.REJECTED),
                Arguments.of(List.of("reject", "approve"), ReviewStatus.APPROVED),
                Arguments.of(List.of("approve", "undo"), ReviewStatus.PENDING),
                Arguments.of(List.of("approve", "reject", "undo"), ReviewStatus.APPROVED),
                Arguments.of(List.of("approve", "undo", "redo"), ReviewStatus.APPROVED),
                Arguments.of(List.of("reject", "undo", "redo", "undo"), ReviewStatus.PENDING),
                Arguments.of(List.of("approve", "edit"), ReviewStatus.APPROVED));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("stateMachine")
    void approvalStateMachine(List<String> actions, ReviewStatus expected) throws Exception {
        try (ReviewSession session = open()) {
            String id = registryChange(session);
            ChangeSelection selection = ChangeSelection.ids(List.of(id));
            for (String action : actions) {
                switch (action) {
                    case "approve" -> session.execute(new ApproveCommand(selection, "dana", ""));
                    case "reject" -> session.execute(new RejectCommand(selection, "dana", ""));
                    case "undo" -> session.undo();
                    case "redo" -> session.redo();
                    case "edit" -> session.execute(new EditObjectCommand(DEPLOYMENT, withReplicas(session, 5), "dana"));
                    default -> throw new IllegalArgumentException(action);
                }
            }
            assertThat(session.change(id).orElseThrow().status()).isEqualTo(expected);
        }
    }

    private static ObjectNode withReplicas(ReviewSession session, int replicas) {
        ObjectNode body = session.proposed(DEPLOYMENT).orElseThrow().copyBody();
        ((ObjectNode) body.get("spec")).put("replicas", replicas);
        return body;
    }

    @Test
    void aHandEditIsAManualChangeReviewedLikeAnyOther() throws Exception {
        try (ReviewSession session = open()) {
            session.execute(new EditObjectCommand(DEPLOYMENT, withReplicas(session, 5), "lee"));

            ReviewedChange manual = session.change(EditObjectCommand.changeId(DEPLOYMENT)).orElseThrow();
            assertThat(manual.change().edge()).isEqualTo(Edge.MANUAL);
            assertThat(manual.status()).isEqualTo(ReviewStatus.PENDING);
            assertThat(manual.applies()).isTrue();
            assertThat(manual.change().patch()).singleElement()
                    .satisfies(op -> assertThat(op.path()).isEqualTo("/spec/replicas"));
            assertThat(session.proposed(DEPLOYMENT).orElseThrow().at("/spec/replicas").asInt()).isEqualTo(5);
            assertThat(session.engineOutput(DEPLOYMENT).orElseThrow().at("/spec/replicas").asInt()).isEqualTo(2);

            session.execute(new ApproveCommand(ChangeSelection.ids(List.of(manual.id())), "dana", ""));
            session.execute(new EditObjectCommand(DEPLOYMENT, withReplicas(session, 7), "lee"));
            assertThat(session.change(manual.id()).orElseThrow().status())
                    .as("editing again voids the approval of the earlier edit")
                    .isEqualTo(ReviewStatus.CHANGED_SINCE_DECIDED);
        }
    }

    @Test
    void editingBackToTheEngineOutputRemovesTheManualChange() throws Exception {
        try (ReviewSession session = open()) {
            ObjectNode original = session.proposed(DEPLOYMENT).orElseThrow().copyBody();
            session.execute(new EditObjectCommand(DEPLOYMENT, withReplicas(session, 5), "lee"));
            session.execute(new EditObjectCommand(DEPLOYMENT, original, "lee"));
            assertThat(session.change(EditObjectCommand.changeId(DEPLOYMENT))).isEmpty();
            session.undo();
            assertThat(session.proposed(DEPLOYMENT).orElseThrow().at("/spec/replicas").asInt()).isEqualTo(5);
        }
    }

    @Test
    void anEditCannotRenameTheObjectOrAddSecretValues() throws Exception {
        try (ReviewSession session = open()) {
            ObjectNode renamed = session.proposed(DEPLOYMENT).orElseThrow().copyBody();
            ((ObjectNode) renamed.get("metadata")).put("name", "other");
            assertThatThrownBy(() -> session.execute(new EditObjectCommand(DEPLOYMENT, renamed, "lee")))
                    .isInstanceOf(ReviewException.class).hasMessageContaining("identity");
            assertThat(session.audit()).isEmpty();
            assertThat(session.canUndo()).isFalse();
        }
    }

    @Test
    void approvingByEdgeNamespaceAndAllCoversExactlyThoseChanges() throws Exception {
        try (ReviewSession session = open()) {
            int registry = session.count(ChangeSelection.edge(Edge.REGISTRY));
            ApproveCommand byEdge = new ApproveCommand(ChangeSelection.edge(Edge.REGISTRY), "dana", "");
            session.execute(byEdge);
            assertThat(byEdge.decided()).isEqualTo(registry);
            assertThat(session.changes()).filteredOn(c -> c.status() == ReviewStatus.APPROVED)
                    .allSatisfy(c -> assertThat(c.change().edge()).isEqualTo(Edge.REGISTRY));

            session.execute(new RejectCommand(ChangeSelection.resource(DEPLOYMENT), "dana", ""));
            assertThat(session.changesFor(DEPLOYMENT))
                    .allSatisfy(c -> assertThat(c.status()).isEqualTo(ReviewStatus.REJECTED));

            session.execute(new ApproveCommand(ChangeSelection.namespace("shop"), "dana", ""));
            session.execute(new ApproveCommand(ChangeSelection.all(), "dana", ""));
            assertThat(session.changes()).allSatisfy(c -> assertThat(c.status()).isEqualTo(ReviewStatus.APPROVED));
            assertThatThrownBy(() -> session.execute(new ApproveCommand(ChangeSelection.all(), "dana", "")))
                    .isInstanceOf(ReviewException.class).hasMessageContaining("Nothing to approve");
        }
    }

    @Test
    void aDecisionOnContentThatChangedNoLongerCounts() throws Exception {
        String id;
        try (ReviewSession session = open()) {
            id = registryChange(session);
            session.execute(new ApproveCommand(ChangeSelection.ids(List.of(id)), "dana", ""));
        }
        // someone alters the change on disk (as a re-run with other settings would): the hash no longer matches
        Path changes = dir.resolve("bundle/changes.yaml");
        Files.writeString(changes, Files.readString(changes).replace("web:1.4.2", "web:9.9.9"));
        try (ReviewSession session = open()) {
            assertThat(session.verification().changed()).containsExactly("changes.yaml");
            ReviewedChange change = session.change(id).orElseThrow();
            assertThat(change.status()).isEqualTo(ReviewStatus.CHANGED_SINCE_DECIDED);
            assertThat(change.status().label()).isEqualTo("changed since approved");
            assertThat(change.status().undecided()).isTrue();
        }
    }

    @Test
    void undoAndRedoAreAuditedAndDescribed() throws Exception {
        try (ReviewSession session = open()) {
            session.execute(new ApproveCommand(ChangeSelection.edge(Edge.REGISTRY), "dana", ""));
            assertThat(session.undoDescription()).hasValueSatisfying(d -> assertThat(d).startsWith(
                    "approve every registry change"));
            session.undo();
            assertThat(session.redoDescription()).isPresent();
            session.redo();
            assertThat(session.audit()).extracting(AuditEntry::action).containsExactly("approve", "undo", "redo");
            assertThat(Files.readAllLines(session.folder().resolve("audit.log"))).hasSize(3);
        }
    }
}
