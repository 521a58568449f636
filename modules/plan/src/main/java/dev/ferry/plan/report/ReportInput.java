package dev.ferry.plan.report;

import dev.ferry.engine.Artifact;
import dev.ferry.engine.Direction;
import dev.ferry.engine.run.ObjectStatus;
import dev.ferry.model.KubeObject;
import dev.ferry.model.ResourceKey;
import dev.ferry.plan.bundle.BundleContent;
import dev.ferry.plan.refs.BuiltInTargets;
import dev.ferry.plan.refs.ReferenceChecker;
import dev.ferry.plan.refs.UnresolvedReference;
import dev.ferry.plan.review.ReviewSession;
import dev.ferry.plan.review.ReviewStatus;
import dev.ferry.plan.review.ReviewedChange;
import dev.ferry.plan.waves.WaveBlocker;
import dev.ferry.plan.waves.WavePlan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the report is built from, read once: from an open review session, or from a proposal at propose time (every
 * change pending, no waves yet).
 */
record ReportInput(Direction direction, String source, String bundleName, String created, String toolVersion,
                   boolean reviewed, List<ReviewedChange> changes, Map<ResourceKey, ObjectStatus> statuses,
                   int excluded, Map<String, String> artifacts, Map<ResourceKey, KubeObject> sourceObjects,
                   Map<ResourceKey, KubeObject> proposedObjects, Optional<WavePlan> plan, List<WaveBlocker> blockers,
                   List<UnresolvedReference> unresolved, List<String> problems) {

    static ReportInput of(ReviewSession session) {
        var manifest = session.manifest();
        return new ReportInput(session.direction(), manifest.path("source").asText(""),
                fileName(session.location()), manifest.path("created").asText(""),
                manifest.path("tool").path("version").asText(""), true, session.changes(), session.statuses(),
                session.excluded().size(), new TreeMap<>(session.artifacts()), byKey(session.sourceObjects()),
                byKey(session.proposedObjects()), session.plan(), session.blockers(), session.unresolvedReferences(),
                texts(manifest.path("inputProblems")));
    }

    static ReportInput of(BundleContent content, String bundleName) {
        var proposal = content.proposal();
        Direction direction = content.settings().direction();
        List<ReviewedChange> changes = proposal.changes().stream()
                .map(c -> new ReviewedChange(c, ReviewStatus.PENDING, Optional.empty(), "", true, "")).toList();
        Map<String, String> artifacts = new TreeMap<>();
        for (Artifact artifact : proposal.artifacts()) {
            artifacts.put(artifact.path(), artifact.content());
        }
        return new ReportInput(direction, content.source(), bundleName, content.created().toString(),
                content.toolVersion(), false, changes, proposal.statuses(), proposal.excluded().size(), artifacts,
                byKey(proposal.source()), byKey(proposal.proposed()), Optional.empty(), List.of(),
                new ReferenceChecker(BuiltInTargets.of(direction)).check(proposal.proposed()), problems(content));
    }

    private static List<String> problems(BundleContent content) {
        List<String> problems = new ArrayList<>();
        content.inputProblems().forEach(p -> problems.add("Cannot read " + p));
        content.proposal().conflicts().forEach(c -> problems.add("Conflict: " + c));
        problems.addAll(content.proposal().problems());
        content.proposal().duplicates().forEach(d -> problems.add("Defined more than once: " + d));
        return problems;
    }

    private static List<String> texts(com.fasterxml.jackson.databind.JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add("Cannot read " + node.asText()));
        return texts;
    }

    private static Map<ResourceKey, KubeObject> byKey(List<KubeObject> objects) {
        Map<ResourceKey, KubeObject> map = new LinkedHashMap<>();
        objects.forEach(o -> map.put(o.key(), o));
        return map;
    }

    private static String fileName(Path location) {
        Path name = location.getFileName();
        return name == null ? location.toString() : name.toString();
    }
}
