package dev.ferry.plan.review;

/** Rejects the selected changes: their operations drop out of the proposed objects. */
public final class RejectCommand extends DecideCommand {

    public RejectCommand(ChangeSelection selection, String by, String comment) {
        super(Verdict.REJECTED, selection, by, comment);
    }

    @Override
    public String action() {
        return "reject";
    }
}
