package dev.ferry.cli;

import dev.ferry.plan.review.ReviewSession;
import java.io.PrintWriter;

/** Says, before anything else, when a bundle's files differ from what Ferry wrote. */
final class BundleWarnings {

    private BundleWarnings() {
    }

    static void print(PrintWriter err, ReviewSession session) {
        if (!session.verification().intact()) {
            err.println("warning: " + session.location() + " was changed outside Ferry: " + session.verification()
                    + ". Check those files; `ferry bundle verify` lists them.");
        }
    }
}
