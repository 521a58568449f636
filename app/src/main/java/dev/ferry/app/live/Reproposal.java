package dev.ferry.app.live;

import dev.ferry.app.review.ReviewLoader;
import dev.ferry.app.review.ReviewSnapshot;
import dev.ferry.app.task.TaskProgress;
import dev.ferry.engine.settings.MigrationSettings;
import dev.ferry.plan.bundle.BundleArchive;
import dev.ferry.plan.bundle.BundleException;
import dev.ferry.plan.bundle.BundleLayout;
import dev.ferry.plan.review.ReviewSession;
import java.time.Clock;
import java.util.List;

/**
 * Proposes an open bundle again with new settings: the bundle's own sanitized source through {@link ProposalWriter}
 * (its review carried over, as {@code ferry propose --settings F --out BUNDLE BUNDLE/source} does), then opens the
 * new bundle. A zip is re-proposed in its working folder and packed back. Runs on a background thread.
 */
public final class Reproposal {

    private final ProposalWriter writer;
    private final ReviewLoader loader;

    public Reproposal(Clock clock, ReviewLoader loader) {
        this.writer = new ProposalWriter(clock);
        this.loader = loader;
    }

    /** Writes the bundle of {@code session} again with {@code settings}; closes {@code session} once the new one is open. */
    public ReviewSnapshot repropose(ReviewSession session, MigrationSettings settings, String by,
                                    TaskProgress progress) throws BundleException {
        progress.update(0.1, "Proposing " + session.location().getFileName() + " again with the new settings");
        String description = session.manifest().path("source").asText("");
        writer.write(List.of(session.folder().resolve(BundleLayout.SOURCE)), settings,
                description.isBlank() ? "the bundle's source" : description, session.folder(), by);
        if (session.fromZip()) {
            progress.update(0.6, "Packing " + session.location().getFileName());
            BundleArchive.pack(session.folder(), session.location());
        }
        ReviewSnapshot reopened = loader.open(session.location(), progress);
        session.close();
        return reopened;
    }
}
