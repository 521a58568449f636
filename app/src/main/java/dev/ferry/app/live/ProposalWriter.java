package dev.ferry.app.live;

import dev.ferry.engine.settings.MigrationSettings;
import dev.ferry.plan.bundle.BundleContent;
import dev.ferry.plan.bundle.BundleException;
import dev.ferry.plan.bundle.BundleWriter;
import dev.ferry.plan.propose.ProposeService;
import dev.ferry.plan.report.ProposeReport;
import dev.ferry.plan.review.PriorReview;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The one way the app proposes: the engine's proposal for some manifests and settings, written as a bundle (atomically,
 * by {@link BundleWriter}), with the review of a bundle already there carried over as {@code ferry propose} does.
 * Used for a live estate and for re-proposing after the settings changed.
 */
public final class ProposalWriter {

    private final Clock clock;

    public ProposalWriter(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param inputs      files or folders of manifests (an inventory folder, a bundle's {@code source/})
     * @param settings    the migration settings
     * @param description where the objects came from, for {@code bundle.yaml}
     * @param bundle      the bundle folder to write (replaced when it exists, its review carried over)
     * @param by          who carries the review over, for the audit log
     * @return what was carried over, when there was a review to carry
     */
    public Optional<PriorReview.Outcome> write(List<Path> inputs, MigrationSettings settings, String description,
                                               Path bundle, String by) throws BundleException {
        ProposeService.Result proposed = new ProposeService().propose(inputs, settings);
        Optional<PriorReview> prior = PriorReview.read(bundle);
        new BundleWriter(new ProposeReport()).write(new BundleContent(proposed.proposal(), settings, description,
                proposed.input().problems(), "workbench", clock.instant()), bundle);
        if (prior.isPresent() && !prior.get().isEmpty()) {
            return Optional.of(prior.get().restoreInto(bundle, by, clock.instant()));
        }
        return Optional.empty();
    }
}
