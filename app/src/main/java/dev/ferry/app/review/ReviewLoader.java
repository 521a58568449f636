package dev.ferry.app.review;

import dev.ferry.app.task.TaskProgress;
import dev.ferry.plan.bundle.Bundle;
import dev.ferry.plan.bundle.BundleException;
import dev.ferry.plan.bundle.BundleReader;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens a bundle from disk into a snapshot. Runs on a background thread. */
public final class ReviewLoader {

    public ReviewSnapshot open(Path location, TaskProgress progress) throws BundleException {
        if (!Files.exists(location)) {
            throw new BundleException(location + " does not exist; choose a bundle folder `ferry propose --out` wrote.");
        }
        progress.update(-1, "Reading and verifying " + location.getFileName());
        Bundle bundle = new BundleReader().read(location);
        progress.update(0.8, "Indexing " + bundle.source().size() + " objects");
        return BundleSnapshots.of(bundle);
    }
}
