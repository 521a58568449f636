package dev.ferry.cluster;

import static org.assertj.core.api.Assumptions.assumeThat;

import dev.ferry.cluster.apply.ApplyOptions;
import dev.ferry.cluster.apply.WaveRequest;
import dev.ferry.cluster.config.Kubeconfig;
import dev.ferry.cluster.config.KubeconfigLoader;
import dev.ferry.cluster.connect.ClusterConnector;
import dev.ferry.cluster.connect.SameServerCheck;
import dev.ferry.cluster.connect.SourceCluster;
import dev.ferry.cluster.connect.TargetCluster;
import dev.ferry.cluster.rollback.RollbackOptions;
import dev.ferry.model.KubeObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The end-to-end scenario against real clusters (kind, k3d, AKS, EKS), when both kubeconfigs are given:
 * {@code FERRY_IT_SOURCE_KUBECONFIG} and {@code FERRY_IT_TARGET_KUBECONFIG} (their current contexts are used;
 * {@code FERRY_IT_SOURCE_NAMESPACE} limits the inventory). The source is only read. On the target the test creates a
 * namespace {@code ferry-it-<random>} and removes it again by rolling the wave back.
 */
class RealClusterEndToEndTest {

    @TempDir
    Path dir;

    @Test
    void inventoryApplyStatusAndRollbackOnRealClusters() throws Exception {
        String sourceFile = System.getenv("FERRY_IT_SOURCE_KUBECONFIG");
        String targetFile = System.getenv("FERRY_IT_TARGET_KUBECONFIG");
        assumeThat(sourceFile != null && targetFile != null)
                .as("Real-cluster test skipped: set FERRY_IT_SOURCE_KUBECONFIG and FERRY_IT_TARGET_KUBECONFIG to "
                        + "kubeconfig files of two clusters (kind, k3d, AKS, EKS) to run it.")
                .isTrue();
        KubeconfigLoader loader = new KubeconfigLoader(Map.of(), Path.of(System.getProperty("user.home")));
        Kubeconfig sourceConfig = loader.load(Path.of(sourceFile));
        Kubeconfig targetConfig = loader.load(Path.of(targetFile));
        ClusterConnector connector = new ClusterConnector();
        try (SourceCluster source = connector.connectSource(sourceConfig, null);
             TargetCluster target = connector.connectTarget(targetConfig, null)) {
            assumeThat(new SameServerCheck().sameServer(source.info().server(), target.info().server()))
                    .as("FERRY_IT_SOURCE_KUBECONFIG and FERRY_IT_TARGET_KUBECONFIG point at the same server").isFalse();
            String sourceNamespace = System.getenv("FERRY_IT_SOURCE_NAMESPACE");
            EndToEndScenario.inventory(source, dir.resolve("inventory"),
                    sourceNamespace == null ? List.of() : List.of(sourceNamespace));
            String namespace = "ferry-it-" + UUID.randomUUID().toString().substring(0, 8);
            List<KubeObject> wave = Fixtures.portableWave(namespace);
            EndToEndScenario.applyCheckAndRollBack(target, wave, dir.resolve("bundle"), 1,
                    new WaveRequest(1, wave, dir.resolve("bundle"), Fixtures.secretValues(namespace),
                            source.info().server()),
                    ApplyOptions.defaults().withAllTimeouts(Duration.ofMinutes(5)),
                    RollbackOptions.defaults());
        }
    }
}
