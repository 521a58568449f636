package dev.ferry.cluster.config;

/**
 * No kubeconfig could be loaded: none found, a named file is missing, or a file is not a kubeconfig. The message
 * names the file and the next step; it never quotes the file's content (which may hold credentials).
 */
public final class KubeconfigException extends Exception {

    private static final long serialVersionUID = 1L;

    public KubeconfigException(String message) {
        super(message);
    }
}
