package dev.ferry.cli;

import dev.ferry.plan.bundle.BundleException;
import dev.ferry.plan.review.ChangeSelection;
import dev.ferry.plan.review.ReviewCommand;
import dev.ferry.plan.review.ReviewException;
import dev.ferry.plan.review.ReviewSession;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What {@code ferry approve} and {@code ferry reject} share: the bundle, the selection, who, and a comment. */
abstract class DecideChangesCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "BUNDLE", description = "A bundle folder or a zip made by `ferry bundle pack`.")
    Path bundle;

    @ArgGroup(exclusive = false, multiplicity = "1")
    ChangeSelectionOptions selection;

    @Option(names = "--by", paramLabel = "NAME", description = "Who decides (default: FERRY_REVIEWER, else your user name).")
    String by;

    @Option(names = "--comment", paramLabel = "TEXT", description = "Why, for the record.")
    String comment;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    abstract ReviewCommand command(ChangeSelection selection, String by, String comment);

    abstract String pastTense();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String who = by == null ? Reviewer.current() : by;
        try (ReviewSession session = ReviewSession.open(bundle)) {
            BundleWarnings.print(err, session);
            ChangeSelection chosen = selection.selection(session);
            ReviewCommand command = command(chosen, who, comment);
            session.execute(command);
            out.println(capitalized(command.description()) + " — " + pastTense() + " by " + who + ".");
            long undecided = session.changes().stream().filter(c -> c.status().undecided()).count();
            out.println(undecided == 0 ? "Every change is decided." : undecided + " changes still need a decision.");
            return ExitCodes.OK;
        } catch (ReviewException e) {
            err.println("ferry " + spec.name() + ": " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        } catch (BundleException e) {
            err.println("ferry " + spec.name() + ": " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
