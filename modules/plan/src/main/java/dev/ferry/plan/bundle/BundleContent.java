package dev.ferry.plan.bundle;

import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.settings.MigrationSettings;
import dev.ferry.model.io.ManifestProblem;
import java.time.Instant;
import java.util.List;

/**
 * Everything a bundle holds, in memory.
 *
 * @param proposal      what the engine proposed
 * @param settings      the settings it ran with
 * @param source        a one-line description of where the objects came from
 * @param inputProblems documents that could not be read (reported, not fatal)
 * @param toolVersion   Ferry's version
 * @param created       when the bundle was made
 * @param sourceCluster the live cluster the objects were read from, or null when they came from manifest files
 */
public record BundleContent(Proposal proposal, MigrationSettings settings, String source,
                            List<ManifestProblem> inputProblems, String toolVersion, Instant created,
                            ClusterOrigin sourceCluster) {

    public BundleContent {
        inputProblems = List.copyOf(inputProblems);
    }

    /** Content read from manifest files, with no source cluster. */
    public BundleContent(Proposal proposal, MigrationSettings settings, String source,
                         List<ManifestProblem> inputProblems, String toolVersion, Instant created) {
        this(proposal, settings, source, inputProblems, toolVersion, created, null);
    }

    /** The same content, recorded as read from {@code origin}. */
    public BundleContent withSourceCluster(ClusterOrigin origin) {
        return new BundleContent(proposal, settings, source, inputProblems, toolVersion, created, origin);
    }
}
