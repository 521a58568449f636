package dev.ferry.plan.report;

import dev.ferry.engine.Edge;
import dev.ferry.engine.Finding;
import dev.ferry.engine.Severity;
import dev.ferry.engine.run.ObjectStatus;
import dev.ferry.model.ResourceKey;
import dev.ferry.plan.bundle.BundleContent;
import dev.ferry.plan.refs.UnresolvedReference;
import dev.ferry.plan.review.ReviewSession;
import dev.ferry.plan.review.ReviewedChange;
import dev.ferry.plan.waves.Wave;
import dev.ferry.plan.waves.WaveBlocker;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** Builds the {@link ReportModel}: from an open review session, or at propose time from the proposal. */
public final class ReportBuilder {

    /** The report of a bundle under review: decisions, waves and blockers as they stand now. */
    public ReportModel build(ReviewSession session) {
        return build(ReportInput.of(session));
    }

    /**
     * The report as proposed, for {@code report.md} at propose time: every change pending, no waves yet.
     *
     * @param bundleName the bundle's folder name, as the runbook's commands name it
     */
    public ReportModel build(BundleContent content, String bundleName) {
        return build(ReportInput.of(content, bundleName));
    }

    private ReportModel build(ReportInput input) {
        Clouds clouds = new Clouds(input.direction());
        ReportModel.Header header = new ReportModel.Header(input.direction().id(), clouds.label(), clouds.source(),
                clouds.target(), input.source(), input.bundleName(), input.created(), input.toolVersion(),
                input.reviewed() ? "as reviewed" : "as proposed");
        ImageCopyList images = new ImageCopyList(clouds, input.artifacts());
        List<ReportModel.IdentityRow> identities = new IdentityTable(input).rows();
        List<ReportModel.DataCopy> dataCopies = new DataCopyTable(input, key -> waveOf(input, key)).rows();
        List<ReportModel.WaveRunbook> runbook = new ArrayList<>();
        if (input.plan().isPresent()) {
            RunbookBuilder builder = new RunbookBuilder(input, identities, dataCopies, !images.images().isEmpty());
            for (Wave wave : input.plan().get().waves()) {
                runbook.add(builder.build(wave));
            }
        }
        return new ReportModel(header, summary(input), actions(input), images.images(), images.setup(), identities,
                dataCopies, unresolved(input), runbook, input.problems(), List.copyOf(input.artifacts().keySet()),
                notes(input, clouds));
    }

    private static List<String> notes(ReportInput input, Clouds clouds) {
        List<String> notes = new ArrayList<>();
        notes.add("Direction: from " + clouds.source() + " to " + clouds.target() + ". In commands, BUNDLE is this "
                + "bundle (`" + input.bundleName() + "`), " + clouds.sourceContext() + " the kube context of the "
                + clouds.source() + " cluster and " + clouds.targetContext() + " that of the " + clouds.target()
                + " cluster.");
        if (!input.reviewed()) {
            notes.add("This report is as proposed: every change is pending. `ferry report BUNDLE` shows it as "
                    + "reviewed, with the runbook per wave.");
        }
        if (input.plan().isEmpty()) {
            notes.add("No waves are planned yet, so there is no runbook: run `ferry plan BUNDLE --auto` (or Plan "
                    + "waves in the app), then `ferry report BUNDLE` again.");
        }
        notes.add("Secret values are not in this bundle or report; Secrets are re-created on the target as the "
                + "secrets findings say.");
        return notes;
    }

    private static ReportModel.Summary summary(ReportInput input) {
        Map<Edge, ReportModel.ReviewCounts> byEdge = new EnumMap<>(Edge.class);
        ReportModel.ReviewCounts totals = new ReportModel.ReviewCounts(0, 0, 0, 0);
        for (ReviewedChange change : input.changes()) {
            ReportModel.ReviewCounts one = switch (change.status()) {
                case PENDING -> new ReportModel.ReviewCounts(1, 0, 0, 0);
                case APPROVED -> new ReportModel.ReviewCounts(0, 1, 0, 0);
                case REJECTED -> new ReportModel.ReviewCounts(0, 0, 1, 0);
                case CHANGED_SINCE_DECIDED -> new ReportModel.ReviewCounts(0, 0, 0, 1);
            };
            byEdge.merge(change.change().edge(), one, ReportModel.ReviewCounts::plus);
            totals = totals.plus(one);
        }
        Map<String, ReportModel.ReviewCounts> edges = new LinkedHashMap<>();
        byEdge.forEach((edge, counts) -> edges.put(edge.id(), counts));
        Map<String, Integer> objects = new LinkedHashMap<>();
        for (ObjectStatus status : ObjectStatus.values()) {
            objects.put(status.label(), 0);
        }
        input.statuses().values().forEach(s -> objects.merge(s.label(), 1, Integer::sum));
        objects.put(ObjectStatus.EXCLUDED.label(), input.excluded());
        int waves = input.plan().map(p -> p.size()).orElse(0);
        int blocked = (int) input.blockers().stream().mapToInt(WaveBlocker::wave).distinct().count();
        return new ReportModel.Summary(edges, totals, objects, waves, blocked);
    }

    private static List<ReportModel.ActionItem> actions(ReportInput input) {
        List<ReportModel.ActionItem> items = new ArrayList<>();
        for (Edge edge : Edge.values()) {
            for (ReviewedChange reviewed : input.changes()) {
                if (reviewed.change().edge() != edge) {
                    continue;
                }
                for (Finding finding : reviewed.change().findings()) {
                    if (finding.severity() == Severity.ACTION_REQUIRED) {
                        items.add(new ReportModel.ActionItem(edge.id(), reviewed.change().resource().toString(),
                                finding.message(), finding.settingKey(), reviewed.id(), reviewed.status().label(),
                                waveOf(input, reviewed.change().resource())));
                    }
                }
            }
        }
        return items;
    }

    private static List<ReportModel.UnresolvedRow> unresolved(ReportInput input) {
        List<ReportModel.UnresolvedRow> rows = new ArrayList<>();
        for (UnresolvedReference reference : input.unresolved()) {
            rows.add(new ReportModel.UnresolvedRow(reference.reference().from().toString(),
                    reference.reference().path(), reference.reference().to().toString(), reference.message(),
                    reference.informational()));
        }
        return rows;
    }

    private static Optional<Integer> waveOf(ReportInput input, ResourceKey key) {
        if (input.plan().isEmpty()) {
            return Optional.empty();
        }
        OptionalInt wave = input.plan().get().waveOf(key);
        return wave.isPresent() ? Optional.of(wave.getAsInt()) : Optional.empty();
    }
}
