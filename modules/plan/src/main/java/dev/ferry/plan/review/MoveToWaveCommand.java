package dev.ferry.plan.review;

import dev.ferry.model.ResourceKey;
import dev.ferry.plan.waves.WavePlan;
import java.time.Instant;
import java.util.Set;

/** Moves objects to another wave (the next number creates a wave). */
public final class MoveToWaveCommand extends ReviewCommand {

    private final Set<ResourceKey> keys;
    private final int wave;
    private WavePlan previous;

    public MoveToWaveCommand(Set<ResourceKey> keys, int wave, String by) {
        super(by);
        this.keys = Set.copyOf(keys);
        this.wave = wave;
    }

    @Override
    public String action() {
        return "move-to-wave";
    }

    @Override
    public String description() {
        String what = keys.size() == 1 ? keys.iterator().next().toString() : keys.size() + " objects";
        return "move " + what + " to wave " + wave;
    }

    @Override
    void execute(ReviewState state, Instant now) throws ReviewException {
        WavePlan plan = state.plan().orElseThrow(() -> new ReviewException(
                "There are no waves yet; plan them first (`ferry plan BUNDLE --auto`)."));
        try {
            previous = state.setPlan(plan.move(keys, wave));
        } catch (IllegalArgumentException e) {
            throw new ReviewException("Cannot move: " + e.getMessage() + ".");
        }
    }

    @Override
    void undo(ReviewState state) {
        state.setPlan(previous);
    }
}
