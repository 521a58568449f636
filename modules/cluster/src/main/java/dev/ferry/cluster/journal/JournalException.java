package dev.ferry.cluster.journal;

/**
 * The journal cannot be read or written, or does not match the wave being applied. The message names the file and
 * the next step. Apply never writes to the cluster without the journal, so this stops the wave.
 */
public final class JournalException extends Exception {

    private static final long serialVersionUID = 1L;

    public JournalException(String message) {
        super(message);
    }

    public JournalException(String message, Throwable cause) {
        super(message, cause);
    }
}
