package dev.ferry.app.review;

import dev.ferry.app.task.TaskProgress;
import dev.ferry.plan.bundle.BundleException;
import dev.ferry.plan.review.ReviewSession;
import java.nio.file.Path;

/** Opens a bundle folder or zip as a review session and takes its first snapshot. Runs on a background thread. */
public final class ReviewLoader {

    public ReviewSnapshot open(Path location, TaskProgress progress) throws BundleException {
        progress.update(-1, "Reading and verifying " + location.getFileName());
        ReviewSession session = ReviewSession.open(location);
        try {
            if (progress.isCancelled()) {
                session.close();
                return null;
            }
            progress.update(0.7, "Indexing " + session.sourceObjects().size() + " objects");
            return ReviewSnapshot.of(session);
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }
}
