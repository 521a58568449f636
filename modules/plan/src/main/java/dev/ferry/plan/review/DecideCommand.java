package dev.ferry.plan.review;

import dev.ferry.engine.Change;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Approves or rejects every change a selection covers, remembering each previous decision for undo. */
abstract sealed class DecideCommand extends ReviewCommand permits ApproveCommand, RejectCommand {

    private final ChangeSelection selection;
    private final String comment;
    private final Verdict verdict;
    private final Map<Change, Optional<Decision>> previous = new LinkedHashMap<>();

    DecideCommand(Verdict verdict, ChangeSelection selection, String by, String comment) {
        super(by);
        this.verdict = verdict;
        this.selection = selection;
        this.comment = comment == null ? "" : comment.strip();
    }

    @Override
    public String description() {
        String verb = verdict == Verdict.APPROVED ? "approve " : "reject ";
        return verb + selection.describe() + (previous.isEmpty() ? "" : " (" + previous.size() + ")")
                + (comment.isEmpty() ? "" : ": " + comment);
    }

    @Override
    void execute(ReviewState state, Instant now) throws ReviewException {
        previous.clear();
        int matched = 0;
        // every decision records its change's content hash: for "approve all" that is thousands, worked out at once
        state.hashAll(state.allChanges().stream().filter(selection::matches).toList());
        for (Change change : state.allChanges()) {
            if (!selection.matches(change)) {
                continue;
            }
            matched++;
            ReviewStatus status = state.status(change);
            boolean alreadySo = (verdict == Verdict.APPROVED && status == ReviewStatus.APPROVED)
                    || (verdict == Verdict.REJECTED && status == ReviewStatus.REJECTED);
            if (alreadySo && comment.isEmpty()) {
                continue;
            }
            Decision decision = new Decision(verdict, by(), now, state.sha256(change), comment);
            previous.put(change, Optional.ofNullable(state.decide(change, decision)));
        }
        if (matched == 0) {
            throw new ReviewException("Nothing to " + action() + ": the bundle has no change matching "
                    + selection.describe() + ". `ferry diff BUNDLE` lists the changes and their ids.");
        }
        if (previous.isEmpty()) {
            throw new ReviewException("Nothing to " + action() + ": " + (matched == 1 ? "the change" : "all " + matched
                    + " changes") + " of " + selection.describe() + " already " + (matched == 1 ? "is " : "are ")
                    + verdict.id() + ".");
        }
    }

    @Override
    void undo(ReviewState state) {
        previous.forEach((change, decision) -> state.decide(change, decision.orElse(null)));
    }

    /** How many changes the last execution decided. */
    public int decided() {
        return previous.size();
    }
}
