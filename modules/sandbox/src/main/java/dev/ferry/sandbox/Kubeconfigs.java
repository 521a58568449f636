package dev.ferry.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Kubeconfig text for a sandbox, and the atomic write of it. */
final class Kubeconfigs {

    private Kubeconfigs() {
    }

    /** A kubeconfig with one cluster, one user (a static token: the sandbox accepts any) and one current context. */
    static String text(String server, String clusterName, String contextName) {
        String user = clusterName + "-user";
        return "# Kubeconfig of a Ferry sandbox: a simulated Kubernetes API server on loopback, not a real cluster.\n"
                + "apiVersion: v1\n"
                + "kind: Config\n"
                + "clusters:\n"
                + "- name: " + quote(clusterName) + "\n"
                + "  cluster:\n"
                + "    server: " + quote(server) + "\n"
                + "users:\n"
                + "- name: " + quote(user) + "\n"
                + "  user:\n"
                + "    token: sandbox-token\n"
                + "contexts:\n"
                + "- name: " + quote(contextName) + "\n"
                + "  context:\n"
                + "    cluster: " + quote(clusterName) + "\n"
                + "    user: " + quote(user) + "\n"
                + "    namespace: default\n"
                + "current-context: " + quote(contextName) + "\n"
                + "preferences: {}\n";
    }

    /** Writes the text next to the target, then moves it into place. */
    static Path write(Path file, String text) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + absolute.getFileName(), ".tmp");
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        return absolute;
    }

    private static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
