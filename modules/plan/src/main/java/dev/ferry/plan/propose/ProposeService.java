package dev.ferry.plan.propose;

import dev.ferry.engine.rule.RuleSet;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.run.RuleRunner;
import dev.ferry.engine.settings.MigrationSettings;
import dev.ferry.model.io.ManifestReader;
import dev.ferry.model.io.ManifestSet;
import dev.ferry.model.sanitize.SanitizedEstate;
import dev.ferry.model.sanitize.Sanitizer;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads inputs, sanitizes them and runs the direction's rule set: the whole of {@code ferry propose} short of
 * writing the bundle, so the CLI and the app call the same thing.
 */
public final class ProposeService {

    private final ManifestReader reader = new ManifestReader();
    private final Sanitizer sanitizer = new Sanitizer();

    /** What was read, and what the engine proposes for it. */
    public record Result(ManifestSet input, Proposal proposal) {
    }

    public Result propose(List<Path> inputs, MigrationSettings settings) {
        ManifestSet input = reader.read(inputs);
        return new Result(input, propose(input, settings));
    }

    public Proposal propose(ManifestSet input, MigrationSettings settings) {
        SanitizedEstate estate = sanitizer.sanitize(input.objects());
        RuleRunner runner = new RuleRunner(RuleSet.builtIn(settings.direction()).rules());
        return runner.run(estate, settings);
    }
}
