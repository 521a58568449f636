package dev.ferry.plan.review;

import dev.ferry.engine.Change;
import dev.ferry.plan.bundle.BundleException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Brings a reviewer's decisions back from their copy of a bundle (folder or zip). A decision is taken only when the
 * reviewer decided on exactly the content the original holds now; every decision not taken is reported with why.
 * A copy with any file changed outside Ferry is refused, naming the files.
 */
public final class ReviewMerge {

    /** One decision of the reviewer's copy and what became of it. */
    public record Outcome(String changeId, String resource, Decision decision, boolean taken, String reason) {
    }

    /** Everything the merge looked at. */
    public record Report(List<Outcome> outcomes) {
        public List<Outcome> taken() {
            return outcomes.stream().filter(Outcome::taken).toList();
        }

        public List<Outcome> notTaken() {
            return outcomes.stream().filter(o -> !o.taken()).toList();
        }
    }

    private ReviewMerge() {
    }

    public static Report merge(ReviewSession original, Path reviewed, String by) throws BundleException {
        try (ReviewSession copy = ReviewSession.open(reviewed)) {
            if (!copy.verification().intact()) {
                throw new BundleException(reviewed + " was altered outside Ferry (" + copy.verification()
                        + "); nothing was merged. Ask the reviewer for a fresh copy packed by Ferry.");
            }
            List<Outcome> outcomes = new ArrayList<>();
            Map<Change, Decision> taken = new LinkedHashMap<>();
            for (ReviewedChange theirs : copy.changes()) {
                Optional<Decision> decision = theirs.decision();
                if (decision.isEmpty()) {
                    continue;
                }
                String reason = reasonNotTaken(original, theirs, decision.get());
                if (reason == null) {
                    taken.put(original.change(theirs.id()).orElseThrow().change(), decision.get());
                }
                outcomes.add(new Outcome(theirs.id(), theirs.change().resource().toString(), decision.get(),
                        reason == null, reason == null ? "" : reason));
            }
            if (!taken.isEmpty()) {
                original.execute(new MergeDecisionsCommand(taken, reviewed.getFileName().toString(), by));
            }
            return new Report(outcomes);
        }
    }

    private static String reasonNotTaken(ReviewSession original, ReviewedChange theirs, Decision decision) {
        if (theirs.change().edge() == dev.ferry.engine.Edge.MANUAL) {
            return "it is a hand edit made in the copy; hand edits are not merged, make the edit here";
        }
        Optional<ReviewedChange> ours = original.change(theirs.id());
        if (ours.isEmpty()) {
            return "the change is not in this bundle (the engine ran again and no longer proposes it)";
        }
        if (!decision.sha256().equals(ours.get().sha256())) {
            return "the change differs from what the reviewer saw (content hash " + shortHash(decision.sha256())
                    + " there, " + shortHash(ours.get().sha256()) + " here); review it again";
        }
        Optional<Decision> existing = ours.get().decision();
        if (existing.isPresent() && existing.get().sha256().equals(decision.sha256())) {
            if (existing.get().verdict() == decision.verdict() && existing.get().comment().equals(decision.comment())) {
                return "already " + decision.verdict().id() + " here";
            }
            if (existing.get().at().isAfter(decision.at())) {
                return "decided differently here later (" + existing.get().verdict().id() + " by "
                        + existing.get().by() + " at " + existing.get().at() + ")";
            }
        }
        return null;
    }

    private static String shortHash(String sha) {
        return sha.length() > 12 ? sha.substring(0, 12) : sha;
    }
}
