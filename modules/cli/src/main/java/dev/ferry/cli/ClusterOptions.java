package dev.ferry.cli;

import dev.ferry.cluster.config.Kubeconfig;
import dev.ferry.cluster.config.KubeconfigException;
import dev.ferry.cluster.config.KubeconfigLoader;
import dev.ferry.cluster.connect.ClusterConnector;
import dev.ferry.cluster.connect.ClusterException;
import dev.ferry.cluster.connect.TargetCluster;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --context CTX [--kubeconfig F]}: which target cluster, found the way kubectl finds it. */
final class ClusterOptions {

    @Option(names = "--context", required = true, paramLabel = "CTX", description = "The target cluster's context.")
    String context;

    @Option(names = "--kubeconfig", paramLabel = "FILE",
            description = "Kubeconfig file (default: KUBECONFIG, several paths merged in order, else ~/.kube/config).")
    Path kubeconfig;

    TargetCluster connectTarget() throws KubeconfigException, ClusterException {
        Kubeconfig loaded = new KubeconfigLoader().load(kubeconfig);
        return new ClusterConnector().connectTarget(loaded, context);
    }
}
