package dev.ferry.cli;

import dev.ferry.plan.review.ApproveCommand;
import dev.ferry.plan.review.ChangeSelection;
import dev.ferry.plan.review.ReviewCommand;
import picocli.CommandLine.Command;

/** {@code ferry approve}: approves changes, binding each approval to the change's content. */
@Command(name = "approve", mixinStandardHelpOptions = true,
        description = {"Approve changes of a bundle. An approval records who, when, a comment and the SHA-256 of the "
                + "change; if the change's content differs later, the approval no longer counts."})
final class ApproveChangesCommand extends DecideChangesCommand {

    @Override
    ReviewCommand command(ChangeSelection selection, String by, String comment) {
        return new ApproveCommand(selection, by, comment);
    }

    @Override
    String pastTense() {
        return "approved";
    }
}
