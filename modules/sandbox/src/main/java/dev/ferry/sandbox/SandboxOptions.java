package dev.ferry.sandbox;

import java.time.Duration;
import java.util.Objects;

/**
 * How to start a {@link SandboxServer}.
 *
 * @param port           the loopback port to listen on; 0 for any free port
 * @param name           the cluster and user name written into kubeconfigs, e.g. {@code ferry-sandbox-source}
 * @param readinessDelay how long the readiness simulator waits before it marks a new or changed workload ready, a
 *                       claim bound or a load balancer provisioned (default 1 s; tests use 50–100 ms)
 */
public record SandboxOptions(int port, String name, Duration readinessDelay) {

    public static final Duration DEFAULT_READINESS_DELAY = Duration.ofSeconds(1);

    public SandboxOptions {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535: " + port);
        }
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        Objects.requireNonNull(readinessDelay, "readinessDelay");
        if (readinessDelay.isNegative()) {
            throw new IllegalArgumentException("readinessDelay must not be negative: " + readinessDelay);
        }
    }

    /** Any free port, the name {@code ferry-sandbox}, readiness after one second. */
    public static SandboxOptions defaults() {
        return new SandboxOptions(0, "ferry-sandbox", DEFAULT_READINESS_DELAY);
    }

    public SandboxOptions withPort(int newPort) {
        return new SandboxOptions(newPort, name, readinessDelay);
    }

    public SandboxOptions withName(String newName) {
        return new SandboxOptions(port, newName, readinessDelay);
    }

    public SandboxOptions withReadinessDelay(Duration newDelay) {
        return new SandboxOptions(port, name, newDelay);
    }
}
