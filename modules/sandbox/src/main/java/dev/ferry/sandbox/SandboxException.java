package dev.ferry.sandbox;

/**
 * A sandbox could not be started, seeded or written out. The message names the thing (port, object, file) and what
 * to do next.
 */
public final class SandboxException extends Exception {

    private static final long serialVersionUID = 1L;

    public SandboxException(String message) {
        super(message);
    }

    public SandboxException(String message, Throwable cause) {
        super(message, cause);
    }
}
