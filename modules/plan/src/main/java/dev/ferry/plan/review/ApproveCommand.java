package dev.ferry.plan.review;

/** Approves the selected changes, binding each approval to the change's current content. */
public final class ApproveCommand extends DecideCommand {

    public ApproveCommand(ChangeSelection selection, String by, String comment) {
        super(Verdict.APPROVED, selection, by, comment);
    }

    @Override
    public String action() {
        return "approve";
    }
}
