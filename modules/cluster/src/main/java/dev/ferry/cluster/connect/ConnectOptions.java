package dev.ferry.cluster.connect;

import java.time.Duration;
import java.util.Map;

/**
 * How Ferry connects: timeouts, and the environment proxies are read from ({@code HTTPS_PROXY}, {@code HTTP_PROXY},
 * {@code NO_PROXY}, as kubectl reads them) when the kubeconfig's cluster names no {@code proxy-url}.
 *
 * @param connectTimeout   how long to wait for a TCP/TLS connection
 * @param requestTimeout   how long one request may take
 * @param execTokenRefresh how often a token from an exec plugin (kubelogin, aws eks get-token) is fetched again
 * @param environment      where proxy variables are read from
 */
public record ConnectOptions(Duration connectTimeout, Duration requestTimeout, Duration execTokenRefresh,
                             Map<String, String> environment) {

    public ConnectOptions {
        environment = Map.copyOf(environment);
    }

    public static ConnectOptions defaults() {
        return new ConnectOptions(Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofMinutes(5),
                System.getenv());
    }

    public ConnectOptions withRequestTimeout(Duration timeout) {
        return new ConnectOptions(connectTimeout, timeout, execTokenRefresh, environment);
    }

    public ConnectOptions withEnvironment(Map<String, String> env) {
        return new ConnectOptions(connectTimeout, requestTimeout, execTokenRefresh, env);
    }
}
