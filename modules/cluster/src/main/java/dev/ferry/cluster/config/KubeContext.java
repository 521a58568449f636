package dev.ferry.cluster.config;

import java.nio.file.Path;

/**
 * One context of a kubeconfig as the user picks it: its name, the cluster entry and its server, the user entry (a
 * name only; never its credentials), the default namespace (empty when none) and the file it was read from.
 */
public record KubeContext(String name, String cluster, String server, String user, String namespace, Path file) {

    @Override
    public String toString() {
        return name + " (" + (server.isEmpty() ? "no server" : server) + ", user " + user + ")";
    }
}
