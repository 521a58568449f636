package dev.ferry.app.review;

import dev.ferry.app.state.WorkbenchContext;
import dev.ferry.plan.bundle.BundleException;
import dev.ferry.plan.review.ReviewCommand;
import dev.ferry.plan.review.ReviewSession;
import java.util.function.Consumer;

/**
 * Runs review commands, undo and redo on the open session off the FX thread, then publishes a fresh snapshot. An
 * expected failure (nothing to approve, the bundle cannot be saved) becomes a notification; the session rolls a
 * failed command back itself, so nothing is half-done.
 */
public final class ReviewActions {

    private final WorkbenchContext context;

    public ReviewActions(WorkbenchContext context) {
        this.context = context;
    }

    /** Executes {@code command} through the session; {@code done} runs on the UI thread after the new snapshot is shown. */
    public void execute(ReviewCommand command, Consumer<ReviewSnapshot> done) {
        run(command.description(), session -> session.execute(command), done);
    }

    public void undo() {
        run("Undo", ReviewSession::undo, s -> { });
    }

    public void redo() {
        run("Redo", ReviewSession::redo, s -> { });
    }

    /** Closes the open review (the session's working files go away off the FX thread) and shows the start screen. */
    public void close() {
        ReviewSnapshot open = context.state().review();
        context.state().setReview(null);
        if (open != null) {
            context.runner().run("Closing " + open.name(), progress -> {
                open.session().close();
                return open;
            }, s -> { }, failure -> context.errors().unexpected("Closing " + open.name(), failure));
        }
    }

    private void run(String title, SessionStep step, Consumer<ReviewSnapshot> done) {
        ReviewSnapshot open = context.state().review();
        if (open == null) {
            return;
        }
        ReviewSession session = open.session();
        context.runner().run(capitalised(title), progress -> {
            step.apply(session);
            return ReviewSnapshot.of(session);
        }, snapshot -> {
            if (context.state().review() != null && context.state().review().session() == session) {
                context.state().setReview(snapshot);
                done.accept(snapshot);
            }
        }, failure -> {
            if (failure instanceof BundleException) {
                context.errors().notify("Cannot " + title.toLowerCase(java.util.Locale.ROOT), failure.getMessage());
            } else {
                context.errors().unexpected(capitalised(title), failure);
            }
        });
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    @FunctionalInterface
    private interface SessionStep {
        void apply(ReviewSession session) throws BundleException;
    }
}
