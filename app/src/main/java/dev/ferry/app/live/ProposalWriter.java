package dev.ferry.app.live;

import dev.ferry.engine.settings.MigrationSettings;
import dev.ferry.plan.bundle.BundleContent;
import dev.ferry.plan.bundle.BundleException;
import dev.ferry.plan.bundle.BundleLayout;
import dev.ferry.plan.bundle.BundleReader;
import dev.ferry.plan.bundle.BundleWriter;
import dev.ferry.plan.bundle.ClusterOrigin;
import dev.ferry.plan.propose.ProposeService;
import dev.ferry.plan.report.ProposeReport;
import dev.ferry.plan.review.PriorReview;
import java.nio.file.Files;
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
        Optional<ClusterOrigin> origin = origin(inputs, bundle);
        Optional<PriorReview> prior = PriorReview.read(bundle);
        new BundleWriter(new ProposeReport()).write(new BundleContent(proposed.proposal(), settings, description,
                proposed.input().problems(), "workbench", clock.instant()).withSourceCluster(origin.orElse(null)),
                bundle);
        if (prior.isPresent() && !prior.get().isEmpty()) {
            return Optional.of(prior.get().restoreInto(bundle, by, clock.instant()));
        }
        return Optional.empty();
    }

    /**
     * The cluster the objects came from: an inventory's summary, else what the bundle being re-proposed recorded, so
     * that apply can refuse to write to it.
     */
    private static Optional<ClusterOrigin> origin(List<Path> inputs, Path bundle) throws BundleException {
        for (Path input : inputs) {
            Optional<ClusterOrigin> origin = ClusterOrigin.ofInventory(input);
            if (origin.isPresent()) {
                return origin;
            }
        }
        if (Files.isRegularFile(bundle.resolve(BundleLayout.MANIFEST))) {
            return ClusterOrigin.fromManifest(BundleReader.readTree(bundle, BundleLayout.MANIFEST));
        }
        return Optional.empty();
    }
}
