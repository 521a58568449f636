package dev.ferry.plan.bundle;

/** A bundle that cannot be written or read, with a message for the user that names the file and the next step. */
public class BundleException extends Exception {

    private static final long serialVersionUID = 1L;

    public BundleException(String message) {
        super(message);
    }

    public BundleException(String message, Throwable cause) {
        super(message, cause);
    }
}
