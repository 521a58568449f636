package dev.ferry.cli;

/** The exit codes of DESIGN.md: scripts rely on them. */
final class ExitCodes {

    static final int OK = 0;
    /** Findings that block: action-required findings in an applied wave. */
    static final int BLOCKING_FINDINGS = 1;
    /** Bad input or usage; the message names the file, document and line. */
    static final int BAD_INPUT = 2;
    /** Cluster error: unreachable, forbidden, conflict. */
    static final int CLUSTER_ERROR = 3;

    private ExitCodes() {
    }
}
