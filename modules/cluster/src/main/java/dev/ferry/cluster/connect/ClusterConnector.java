package dev.ferry.cluster.connect;

import dev.ferry.cluster.config.KubeContext;
import dev.ferry.cluster.config.Kubeconfig;
import dev.ferry.cluster.config.KubeconfigException;
import dev.ferry.cluster.connect.ClusterException.Reason;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens connections to the contexts of a kubeconfig, in one of two roles: a read-only {@link SourceCluster} or a
 * writable {@link TargetCluster}. Connecting checks the server answers and accepts the credentials, so a wrong context
 * fails here with a message that names it, not halfway through an inventory.
 */
public final class ClusterConnector {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterConnector.class);

    private final ConnectOptions options;

    public ClusterConnector() {
        this(ConnectOptions.defaults());
    }

    public ClusterConnector(ConnectOptions options) {
        this.options = options;
    }

    /** Connects to {@code context} (the current context when null) as the read-only source. */
    public SourceCluster connectSource(Kubeconfig kubeconfig, String context) throws ClusterException {
        Connected connected = connect(kubeconfig, context);
        return new SourceCluster(connected.api(), connected.info());
    }

    /** Connects to {@code context} (the current context when null) as the writable target. */
    public TargetCluster connectTarget(Kubeconfig kubeconfig, String context) throws ClusterException {
        Connected connected = connect(kubeconfig, context);
        return new TargetCluster(connected.api(), connected.info());
    }

    private record Connected(KubeApi api, ClusterInfo info) {
    }

    private static Throwable rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private Connected connect(Kubeconfig kubeconfig, String contextName) throws ClusterException {
        KubeContext context;
        try {
            context = kubeconfig.resolve(contextName);
        } catch (KubeconfigException e) {
            throw new ClusterException(Reason.CONFIGURATION, e.getMessage());
        }
        ClientConfigs.Built built;
        KubernetesClient client;
        try {
            built = ClientConfigs.build(kubeconfig.files(), context, options);
            client = new KubernetesClientBuilder().withConfig(built.config()).build();
        } catch (RuntimeException e) {
            // fabric8's messages can name key material problems but never print it; still, keep only the type
            LOG.debug("client for context {} could not be built: {} (root cause {})", context.name(),
                    e.getClass().getName(), rootCause(e).getClass().getName());
            throw new ClusterException(Reason.CONFIGURATION, "Cannot use the credentials of user `" + context.user()
                    + "` for context `" + context.name() + "` (" + rootCause(e).getClass().getSimpleName() + "). "
                    + "Check the certificate, key and token files the kubeconfig names, or fetch the kubeconfig "
                    + "again.", e);
        }
        KubeApi api = new KubeApi(client, context.name(), options.requestTimeout(), built.execCommand());
        try {
            // a server that is briefly overloaded (429, 503) should not fail the connection; a refusal fails at once
            Retrier retrier = new Retrier(RetryPolicy.defaults().withMaxAttempts(3), Cancellation.none());
            String version = retrier.call("connect to " + context.name(), api::version);
            retrier.call("connect to " + context.name(), () -> {
                api.checkAuthenticated();
                return null;
            });
            ClusterInfo info = new ClusterInfo(context.name(), api.server(), version, context.user());
            LOG.info("connected to {}", info);
            return new Connected(api, info);
        } catch (ClusterException e) {
            api.close();
            throw e;
        }
    }
}
