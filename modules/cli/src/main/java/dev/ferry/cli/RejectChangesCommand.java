package dev.ferry.cli;

import dev.ferry.plan.review.ChangeSelection;
import dev.ferry.plan.review.RejectCommand;
import dev.ferry.plan.review.ReviewCommand;
import picocli.CommandLine.Command;

/** {@code ferry reject}: rejects changes; their operations drop out of the proposed objects. */
@Command(name = "reject", mixinStandardHelpOptions = true,
        description = {"Reject changes of a bundle: the proposed objects are recomputed without them."})
final class RejectChangesCommand extends DecideChangesCommand {

    @Override
    ReviewCommand command(ChangeSelection selection, String by, String comment) {
        return new RejectCommand(selection, by, comment);
    }

    @Override
    String pastTense() {
        return "rejected";
    }
}
