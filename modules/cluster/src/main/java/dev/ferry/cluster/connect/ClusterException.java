package dev.ferry.cluster.connect;

import java.time.Duration;
import java.util.Optional;

/**
 * An expected failure talking to a cluster, with a message for the user that names the context or server, what Ferry
 * was doing, and the next step. Never carries a credential or a Secret value.
 */
public final class ClusterException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What went wrong, as far as Ferry can tell from the response (or its absence). */
    public enum Reason {
        /** The server could not be reached: connection refused, unknown host, TLS failure. */
        UNREACHABLE(true),
        /** No answer in time. */
        TIMEOUT(true),
        /** 401: the credentials were rejected. */
        UNAUTHORIZED(false),
        /** 403. */
        FORBIDDEN(false),
        /** 404: the object or the type does not exist. */
        NOT_FOUND(false),
        /** 409: a conflict (field managers, resource version, already exists). */
        CONFLICT(false),
        /** 410: a list continuation expired. */
        GONE(false),
        /** 400/422: the server rejected the object. */
        INVALID(false),
        /** 429. */
        THROTTLED(true),
        /** 5xx. */
        SERVER_ERROR(true),
        /** The user or the caller cancelled the work. */
        CANCELLED(false),
        /** The kubeconfig or the context cannot be used. */
        CONFIGURATION(false),
        /** Anything else the server said. */
        OTHER(false);

        private final boolean retryable;

        Reason(boolean retryable) {
            this.retryable = retryable;
        }

        public boolean retryable() {
            return retryable;
        }
    }

    private final Reason reason;
    private final int status;
    private final String serverMessage;
    private final Duration retryAfter;

    public ClusterException(Reason reason, String message) {
        this(reason, 0, "", null, message, null);
    }

    public ClusterException(Reason reason, String message, Throwable cause) {
        this(reason, 0, "", null, message, cause);
    }

    public ClusterException(Reason reason, int status, String serverMessage, Duration retryAfter, String message,
                            Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.status = status;
        this.serverMessage = serverMessage == null ? "" : serverMessage;
        this.retryAfter = retryAfter;
    }

    public Reason reason() {
        return reason;
    }

    /** The HTTP status, or 0 when there was no response. */
    public int status() {
        return status;
    }

    /** The server's own message (from its {@code Status} reply), empty when there was none. */
    public String serverMessage() {
        return serverMessage;
    }

    /** The delay the server asked for with {@code Retry-After}, if it did. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public boolean retryable() {
        return reason.retryable();
    }

    /** The same failure with a message that says more (what Ferry was doing), keeping reason, status and cause. */
    public ClusterException withMessage(String message) {
        return new ClusterException(reason, status, serverMessage, retryAfter, message, getCause());
    }
}
