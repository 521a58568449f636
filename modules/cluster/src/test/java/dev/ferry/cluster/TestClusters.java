package dev.ferry.cluster;

import dev.ferry.cluster.apply.ApplyOptions;
import dev.ferry.cluster.config.Kubeconfig;
import dev.ferry.cluster.config.KubeconfigLoader;
import dev.ferry.cluster.connect.ClusterConnector;
import dev.ferry.cluster.connect.ClusterException;
import dev.ferry.cluster.connect.ConnectOptions;
import dev.ferry.cluster.connect.RetryPolicy;
import dev.ferry.cluster.connect.SourceCluster;
import dev.ferry.cluster.connect.TargetCluster;
import dev.ferry.cluster.rollback.RollbackOptions;
import dev.ferry.sandbox.SandboxOptions;
import dev.ferry.sandbox.SandboxServer;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;

/**
 * A source and a target sandbox API server, reached the way Ferry reaches real clusters: through kubeconfig files
 * (merged from a KUBECONFIG with both), contexts {@code source} and {@code target}.
 */
public final class TestClusters implements AutoCloseable {

    public static final Duration READINESS_DELAY = Duration.ofMillis(50);

    public final SandboxServer sourceServer;
    public final SandboxServer targetServer;
    public final Kubeconfig kubeconfig;
    public final Path dir;

    private TestClusters(SandboxServer source, SandboxServer target, Kubeconfig kubeconfig, Path dir) {
        this.sourceServer = source;
        this.targetServer = target;
        this.kubeconfig = kubeconfig;
        this.dir = dir;
    }

    public static TestClusters start(Path dir) throws Exception {
        return start(dir, READINESS_DELAY);
    }

    public static TestClusters start(Path dir, Duration readinessDelay) throws Exception {
        SandboxServer source = SandboxServer.start(SandboxOptions.defaults().withName("ferry-source")
                .withReadinessDelay(readinessDelay));
        SandboxServer target = SandboxServer.start(SandboxOptions.defaults().withName("ferry-target")
                .withReadinessDelay(readinessDelay));
        Path sourceFile = source.writeKubeconfig(dir.resolve("source.kubeconfig"), "source");
        Path targetFile = target.writeKubeconfig(dir.resolve("target.kubeconfig"), "target");
        Kubeconfig kubeconfig = new KubeconfigLoader(Map.of("KUBECONFIG",
                sourceFile + File.pathSeparator + targetFile), dir).load(null);
        return new TestClusters(source, target, kubeconfig, dir);
    }

    public static RetryPolicy fastRetry() {
        return new RetryPolicy(5, Duration.ofMillis(5), Duration.ofMillis(40), new Random(11));
    }

    public static ClusterConnector connector() {
        return new ClusterConnector(ConnectOptions.defaults().withRequestTimeout(Duration.ofSeconds(5))
                .withEnvironment(Map.of()));
    }

    public static ApplyOptions applyOptions() {
        return ApplyOptions.defaults().withRetry(fastRetry()).withPollInterval(Duration.ofMillis(20))
                .withAllTimeouts(Duration.ofSeconds(20));
    }

    public static RollbackOptions rollbackOptions() {
        return RollbackOptions.defaults().withRetry(fastRetry()).withPollInterval(Duration.ofMillis(20))
                .withDeleteTimeout(Duration.ofSeconds(20));
    }

    public SourceCluster source() throws ClusterException {
        return connector().connectSource(kubeconfig, "source");
    }

    public TargetCluster target() throws ClusterException {
        return connector().connectTarget(kubeconfig, "target");
    }

    /** Closes both servers; a server a test already stopped is fine (the sandbox's close is not idempotent). */
    @Override
    public void close() {
        for (SandboxServer server : new SandboxServer[] {sourceServer, targetServer}) {
            try {
                server.close();
            } catch (RuntimeException alreadyClosed) {
                // closed by the test itself
            }
        }
    }
}
