package dev.ferry.plan.review;

import dev.ferry.plan.waves.WavePlan;
import java.time.Instant;

/** Gives a wave a name people will recognise in the runbook ("storefront cutover"). */
public final class RenameWaveCommand extends ReviewCommand {

    private final int wave;
    private final String name;
    private WavePlan previous;

    public RenameWaveCommand(int wave, String name, String by) {
        super(by);
        this.wave = wave;
        this.name = name == null ? "" : name.strip();
    }

    @Override
    public String action() {
        return "rename-wave";
    }

    @Override
    public String description() {
        return "rename wave " + wave + " to " + name;
    }

    @Override
    void execute(ReviewState state, Instant now) throws ReviewException {
        WavePlan plan = state.plan().orElseThrow(() -> new ReviewException(
                "There are no waves yet; plan them first (`ferry plan BUNDLE --auto`)."));
        try {
            previous = state.setPlan(plan.rename(wave, name));
        } catch (IllegalArgumentException e) {
            throw new ReviewException("Cannot rename: " + e.getMessage() + ".");
        }
    }

    @Override
    void undo(ReviewState state) {
        state.setPlan(previous);
    }
}
