package dev.ferry.plan.review;

import dev.ferry.plan.waves.WavePlan;
import java.time.Instant;

/** Replaces the waves with the planner's automatic plan ({@code ferry plan --auto}). */
public final class PlanWavesCommand extends ReviewCommand {

    private WavePlan previous;
    private WavePlan planned;

    public PlanWavesCommand(String by) {
        super(by);
    }

    @Override
    public String action() {
        return "plan-waves";
    }

    @Override
    public String description() {
        return "plan waves automatically" + (planned == null ? "" : " (" + planned.size() + " waves)");
    }

    @Override
    void execute(ReviewState state, Instant now) {
        planned = state.autoPlan();
        previous = state.setPlan(planned);
    }

    @Override
    void undo(ReviewState state) {
        state.setPlan(previous);
    }
}
