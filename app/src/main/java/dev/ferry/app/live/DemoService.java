package dev.ferry.app.live;

import dev.ferry.app.connect.ClusterConnection;
import dev.ferry.app.review.ReviewLoader;
import dev.ferry.app.review.ReviewSnapshot;
import dev.ferry.app.task.TaskProgress;
import dev.ferry.cluster.config.Kubeconfig;
import dev.ferry.cluster.config.KubeconfigLoader;
import dev.ferry.cluster.connect.ClusterConnector;
import dev.ferry.cluster.apply.SecretValues;
import dev.ferry.cluster.connect.ClusterInfo;
import dev.ferry.cluster.connect.SourceCluster;
import dev.ferry.cluster.connect.TargetCluster;
import dev.ferry.engine.Direction;
import dev.ferry.sandbox.SandboxPair;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The "Demo estate" button: two simulated Kubernetes API servers inside Ferry (a source holding the demo AKS web
 * shop, an empty target), an inventory of the source, the proposal, the review, and the target connected for waves.
 * Nothing leaves the machine.
 */
public final class DemoService {

    /**
     * A running demo.
     *
     * @param sandboxes the two simulated API servers; closed when the workbench closes
     * @param review    the demo bundle under review
     * @param source    the source connection, for the bar
     * @param target    the target connection, for the bar
     * @param cluster   the live target
     */
    public record Demo(SandboxPair sandboxes, ReviewSnapshot review, ClusterConnection source,
                       ClusterConnection target, TargetCluster cluster, SourceCluster sourceCluster, Path work)
            implements AutoCloseable {

        /** Secret values come from the demo's source server at apply time, never from a file. */
        public SecretValues secretValues() {
            return new SourceSecretValues(sourceCluster, source.context());
        }

        @Override
        public void close() {
            cluster.close();
            sourceCluster.close();
            sandboxes.close();
            deleteQuietly(work); // the demo's inventory and bundle are throwaway
        }
    }

    private final ClusterConnector connector = new ClusterConnector();

    public Demo start(TaskProgress progress) throws Exception {
        Path work = Files.createTempDirectory("ferry-demo-");
        progress.update(0.02, "Starting the simulated API servers");
        SandboxPair pair;
        try {
            pair = SandboxPair.start(work, SandboxPair.Estate.DEMO, 0);
        } catch (Exception | Error e) {
            deleteQuietly(work);
            throw e;
        }
        TargetCluster target = null;
        SourceCluster sourceCluster = null;
        ReviewSnapshot review = null;
        try {
            Kubeconfig sourceConfig = new KubeconfigLoader().load(pair.sourceKubeconfig());
            Path bundle = new EstateImport(connector).importEstate(sourceConfig, SandboxPair.SOURCE_CONTEXT,
                    work, Direction.AKS_TO_EKS, progress);
            progress.update(0.95, "Opening the review");
            review = new ReviewLoader().open(bundle, progress);
            Kubeconfig targetConfig = new KubeconfigLoader().load(pair.targetKubeconfig());
            target = connector.connectTarget(targetConfig, SandboxPair.TARGET_CONTEXT);
            sourceCluster = connector.connectSource(sourceConfig, SandboxPair.SOURCE_CONTEXT);
            return new Demo(pair, review, connection(pair.sourceKubeconfig(), sourceCluster.info()),
                    connection(pair.targetKubeconfig(), target.info()), target, sourceCluster, work);
        } catch (Exception | Error e) {
            if (target != null) {
                target.close();
            }
            if (sourceCluster != null) {
                sourceCluster.close();
            }
            if (review != null) {
                review.session().close();
            }
            pair.close();
            deleteQuietly(work); // a demo that did not start leaves nothing behind either
            throw e;
        }
    }

    private static void deleteQuietly(Path folder) {
        try (var walk = Files.walk(folder)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            org.slf4j.LoggerFactory.getLogger(DemoService.class).warn("Cannot delete the demo folder {}: {}", folder,
                    e.getMessage());
        }
    }

    private static ClusterConnection connection(Path kubeconfig, ClusterInfo info) {
        return new ClusterConnection(kubeconfig, info.context(), info.server(), info.user(),
                Optional.ofNullable(info.kubernetesVersion()).filter(v -> !v.isBlank()));
    }
}
