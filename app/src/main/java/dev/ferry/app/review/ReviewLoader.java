package dev.ferry.app.review;

import dev.ferry.app.task.TaskProgress;
import dev.ferry.plan.bundle.BundleException;
import dev.ferry.plan.review.ReviewSession;
import java.nio.file.Path;
import java.time.Clock;

/** Opens a bundle folder or zip as a review session and takes its first snapshot. Runs on a background thread. */
public final class ReviewLoader {

    /** The part of opening that reading the bundle takes, on the progress bar; indexing it is the rest. */
    private static final double READ_SHARE = 0.8;

    public ReviewSnapshot open(Path location, TaskProgress progress) throws BundleException {
        String reading = "Reading and verifying " + location.getFileName();
        progress.update(0, reading);
        ReviewSession session = ReviewSession.open(location, Clock.systemUTC(),
                done -> progress.update(READ_SHARE * done, reading));
        try {
            if (progress.isCancelled()) {
                session.close();
                return null;
            }
            progress.update(READ_SHARE, "Indexing " + session.sourceObjects().size() + " objects");
            return ReviewSnapshot.of(session);
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }
}
