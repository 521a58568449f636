package dev.ferry.plan.review;

import dev.ferry.engine.Change;
import dev.ferry.engine.Edge;
import dev.ferry.plan.bundle.BundleException;
import dev.ferry.plan.bundle.BundleLayout;
import dev.ferry.plan.bundle.BundleReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The review work in a bundle that is about to be proposed again (other settings, a fresh inventory): decisions,
 * hand edits and the audit log. Read before the engine's new output replaces the bundle, and restored into it after,
 * so approvals follow their change where its content is unchanged and show "changed since approved" where not.
 */
public final class PriorReview {

    private final Map<String, Decision> decisions;
    private final List<Change> manual;
    private final List<AuditEntry> audit;

    private PriorReview(Map<String, Decision> decisions, List<Change> manual, List<AuditEntry> audit) {
        this.decisions = decisions;
        this.manual = manual;
        this.audit = audit;
    }

    /** What was carried over, for the CLI's summary. */
    public record Outcome(int decisionsKept, int decisionsOnChangedContent, int decisionsOnVanishedChanges,
                          int editsKept, List<String> editsNoLongerApplying) {
    }

    /** The review in the bundle at {@code bundle}, or empty when there is no bundle there yet. */
    public static Optional<PriorReview> read(Path bundle) throws BundleException {
        if (!Files.isRegularFile(bundle.resolve(BundleLayout.MANIFEST))) {
            return Optional.empty();
        }
        List<Change> manual = new ArrayList<>();
        for (Change change : new BundleReader().read(bundle).changes()) {
            if (change.edge() == Edge.MANUAL) {
                manual.add(change);
            }
        }
        return Optional.of(new PriorReview(ReviewSession.readDecisions(bundle), manual, AuditLog.read(bundle)));
    }

    public boolean isEmpty() {
        return decisions.isEmpty() && manual.isEmpty() && audit.isEmpty();
    }

    /** Restores this review into the freshly written bundle at {@code bundle}. */
    public Outcome restoreInto(Path bundle, String by, Instant now) throws BundleException {
        try (ReviewSession session = ReviewSession.open(bundle)) {
            ReviewState state = session.state();
            for (Change edit : manual) {
                state.putManual(edit.resource(), edit);
            }
            int kept = 0;
            int changed = 0;
            int vanished = 0;
            for (Map.Entry<String, Decision> entry : decisions.entrySet()) {
                Optional<Change> change = state.change(entry.getKey());
                if (change.isEmpty()) {
                    vanished++;
                    continue;
                }
                state.decide(change.get(), entry.getValue());
                if (entry.getValue().sha256().equals(state.sha256(change.get()))) {
                    kept++;
                } else {
                    changed++;
                }
            }
            List<String> notApplying = new ArrayList<>();
            int editsKept = 0;
            for (Change edit : manual) {
                ReviewedChange reviewed = state.change(edit.id()).map(state::reviewed).orElse(null);
                if (reviewed != null && reviewed.applies()) {
                    editsKept++;
                } else {
                    notApplying.add(edit.resource() + ": " + (reviewed == null
                            ? "the object is no longer proposed" : reviewed.note()));
                }
            }
            List<AuditEntry> entries = new ArrayList<>(audit);
            entries.add(new AuditEntry(now, by, "propose", "proposed again; " + kept + " decisions kept, " + changed
                    + " on changed content, " + vanished + " on changes no longer proposed, " + editsKept
                    + " hand edits kept, " + notApplying.size() + " no longer applying"));
            session.record(entries);
            return new Outcome(kept, changed, vanished, editsKept, notApplying);
        }
    }
}
