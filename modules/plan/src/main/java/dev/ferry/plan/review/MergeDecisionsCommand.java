package dev.ferry.plan.review;

import dev.ferry.engine.Change;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Takes decisions made in a reviewer's copy of the bundle, as they were made there (who, when, comment). */
final class MergeDecisionsCommand extends ReviewCommand {

    private final Map<Change, Decision> taken;
    private final String from;
    private final Map<Change, Optional<Decision>> previous = new LinkedHashMap<>();

    MergeDecisionsCommand(Map<Change, Decision> taken, String from, String by) {
        super(by);
        this.taken = Map.copyOf(taken);
        this.from = from;
    }

    @Override
    public String action() {
        return "merge";
    }

    @Override
    public String description() {
        return "merge " + taken.size() + " decision" + (taken.size() == 1 ? "" : "s") + " from " + from;
    }

    @Override
    void execute(ReviewState state, Instant now) {
        previous.clear();
        taken.forEach((change, decision) -> previous.put(change, Optional.ofNullable(state.decide(change, decision))));
    }

    @Override
    void undo(ReviewState state) {
        previous.forEach((change, decision) -> state.decide(change, decision.orElse(null)));
    }
}
