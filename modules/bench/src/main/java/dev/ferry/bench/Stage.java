package dev.ferry.bench;

import java.io.IOException;

/**
 * One thing the benchmark times. {@link #prepare} builds the stage's inputs outside the measurement (for the bundle
 * writer, a proposal; for the bundle reader, a bundle on disk); the returned {@link Run} is then timed repeatedly.
 */
interface Stage {

    /** A short id, used on the command line and in the table. */
    String id();

    /** What is measured, for the table's notes. */
    String description();

    /** Builds the inputs; throws {@link SkippedException} when the stage cannot run on this machine. */
    Run prepare(Fixture fixture) throws Exception;

    /** The measured work: one repetition, returning how many objects it handled. */
    interface Run extends AutoCloseable {

        int run(int repetition) throws Exception;

        /** Undoes what a repetition left behind (files, cluster state), outside the measurement. */
        default void reset(int repetition) throws Exception {
        }

        @Override
        default void close() throws IOException {
        }
    }

    /** The stage cannot run here (a tool is missing); the message says why and goes into the table. */
    final class SkippedException extends Exception {

        private static final long serialVersionUID = 1L;

        SkippedException(String message) {
            super(message);
        }
    }
}
