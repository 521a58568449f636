package dev.ferry.cluster.connect;

import dev.ferry.cluster.config.KubeContext;
import io.fabric8.kubernetes.api.model.AuthInfo;
import io.fabric8.kubernetes.api.model.NamedAuthInfo;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.OAuthTokenProvider;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the fabric8 client configuration of one context from the kubeconfig files, with fabric8's own merge (first
 * file wins; relative certificate paths resolved against the file that names them; tokens, client certificates, auth
 * providers and exec plugins as fabric8 supports them). Never auto-configures from the process environment except for
 * the proxy variables passed in {@link ConnectOptions}; never logs a credential.
 */
final class ClientConfigs {

    private static final Logger LOG = LoggerFactory.getLogger(ClientConfigs.class);

    private ClientConfigs() {
    }

    /** The configuration, and the exec plugin command of the context's user (empty when it has none). */
    record Built(Config config, String execCommand) {
    }

    static Built build(List<Path> files, KubeContext context, ConnectOptions options) throws ClusterException {
        List<io.fabric8.kubernetes.api.model.Config> parsed = files.stream()
                .map(p -> KubeConfigUtils.parseConfig(p.toFile())).toList();
        FileReferences.check(files, parsed, context);
        Config config = merged(parsed, context.name());
        AuthInfo user = user(parsed, context.user());
        String execCommand = user != null && user.getExec() != null && user.getExec().getCommand() != null
                ? user.getExec().getCommand() : "";
        if (!execCommand.isEmpty() && config.getAutoOAuthToken() != null) {
            // fabric8 runs the plugin once while merging and cannot re-run it for a merged kubeconfig: tokens from
            // `aws eks get-token` live 15 minutes, so fetch a new one regularly during a long apply
            config.setOauthTokenProvider(new ExecTokenProvider(files, context.name(), config.getAutoOAuthToken(),
                    options.execTokenRefresh()));
        }
        config.setRequestRetryBackoffLimit(0); // Ferry retries itself, with its own policy, and counts attempts
        config.setConnectionTimeout((int) options.connectTimeout().toMillis());
        config.setRequestTimeout((int) options.requestTimeout().toMillis());
        config.setUserAgent("ferry");
        applyProxyEnvironment(config, options.environment());
        return new Built(config, execCommand);
    }

    private static Config merged(List<io.fabric8.kubernetes.api.model.Config> parsed, String context) {
        Config config = Config.empty();
        KubeConfigUtils.merge(config, context, parsed.toArray(io.fabric8.kubernetes.api.model.Config[]::new));
        return config;
    }

    private static AuthInfo user(List<io.fabric8.kubernetes.api.model.Config> parsed, String name) {
        for (io.fabric8.kubernetes.api.model.Config file : parsed) {
            if (file.getUsers() != null) {
                for (NamedAuthInfo user : file.getUsers()) {
                    if (name.equals(user.getName()) && user.getUser() != null) {
                        return user.getUser();
                    }
                }
            }
        }
        return null;
    }

    private static void applyProxyEnvironment(Config config, Map<String, String> env) {
        if (config.getHttpProxy() != null || config.getHttpsProxy() != null) {
            return; // the kubeconfig's proxy-url wins, as in kubectl
        }
        String https = first(env, "HTTPS_PROXY", "https_proxy");
        String http = first(env, "HTTP_PROXY", "http_proxy");
        String noProxy = first(env, "NO_PROXY", "no_proxy");
        if (https != null) {
            config.setHttpsProxy(https);
        }
        if (http != null) {
            config.setHttpProxy(http);
        }
        if (noProxy != null) {
            config.setNoProxy(noProxy.split(","));
        }
    }

    private static String first(Map<String, String> env, String... names) {
        for (String name : names) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                return value.trim();
            }
        }
        return null;
    }

    /** Re-runs the context's exec plugin (through fabric8's merge) when the token is older than the refresh period. */
    private static final class ExecTokenProvider implements OAuthTokenProvider {

        private final List<Path> files;
        private final String context;
        private final Duration refresh;
        private String token;
        private Instant fetched;

        ExecTokenProvider(List<Path> files, String context, String token, Duration refresh) {
            this.files = List.copyOf(files);
            this.context = context;
            this.token = token;
            this.refresh = refresh;
            this.fetched = Instant.now();
        }

        @Override
        public synchronized String getToken() {
            if (Instant.now().isAfter(fetched.plus(refresh))) {
                try {
                    List<io.fabric8.kubernetes.api.model.Config> parsed = files.stream()
                            .map(p -> KubeConfigUtils.parseConfig(p.toFile())).toList();
                    String fresh = merged(parsed, context).getAutoOAuthToken();
                    if (fresh != null && !fresh.isEmpty()) {
                        token = fresh;
                    } else {
                        LOG.warn("the exec plugin of context {} returned no token; using the previous one", context);
                    }
                } catch (RuntimeException e) {
                    LOG.warn("the exec plugin of context {} failed ({}); using the previous token", context,
                            e.getClass().getSimpleName());
                }
                fetched = Instant.now();
            }
            return token;
        }

        @Override
        public String toString() {
            return "exec token for context " + context;
        }
    }
}
