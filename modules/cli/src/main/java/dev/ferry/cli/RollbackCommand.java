package dev.ferry.cli;

import dev.ferry.cluster.config.KubeconfigException;
import dev.ferry.cluster.connect.Cancellation;
import dev.ferry.cluster.connect.ClusterException;
import dev.ferry.cluster.connect.TargetCluster;
import dev.ferry.cluster.journal.JournalException;
import dev.ferry.cluster.rollback.RollbackOptions;
import dev.ferry.cluster.rollback.RollbackResult;
import dev.ferry.cluster.rollback.WaveRollback;
import dev.ferry.plan.bundle.BundleException;
import dev.ferry.plan.review.ReviewSession;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ferry rollback}: undo one wave from its journal and verify the target is as it was before. */
@Command(name = "rollback", mixinStandardHelpOptions = true,
        description = {"Roll back one wave from its journal: in reverse order, delete what the wave created and restore "
                + "what it replaced, then verify every object is as recorded before the wave. Move DNS weight back "
                + "before you run it."},
        footer = {"", "Refuses (exit 2, nothing written) when the context's API server is the bundle's source cluster, "
                + "as recorded in bundle.yaml by a propose from a live inventory.",
                "Exit codes: 0 rolled back and verified, 2 bad input, 3 cluster error or a difference that remains."})
final class RollbackCommand implements Callable<Integer> {

    @Parameters(paramLabel = "BUNDLE", description = "The bundle folder whose journal records the wave.")
    Path bundle;

    @Option(names = "--wave", required = true, paramLabel = "N", description = "The wave to roll back.")
    int wave;

    @Mixin
    ClusterOptions cluster;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (ReviewSession session = ReviewSession.open(bundle)) {
            WaveSelection.toWrite(session, wave);
            try (TargetCluster target = cluster.connectTarget()) {
                Optional<String> refusal = SourceGuard.refusal(session.manifest(), target.info(),
                        "roll back wave " + wave);
                if (refusal.isPresent()) {
                    err.println("ferry rollback: " + refusal.get());
                    return ExitCodes.BAD_INPUT;
                }
                out.println("Rolling back wave " + wave + " on " + target.info().context() + " at "
                        + target.info().server());
                RollbackResult result = new WaveRollback(target, RollbackOptions.defaults(), event -> err.println(event),
                        Cancellation.none()).rollback(wave, session.folder());
                if (result.nothingToDo()) {
                    out.println("The journal shows nothing applied in wave " + wave + "; nothing to roll back.");
                    return ExitCodes.OK;
                }
                out.println("Deleted " + result.deleted() + " objects the wave created; restored " + result.restored()
                        + " it replaced.");
                result.skipped().forEach(s -> out.println("  left as is: " + s));
                if (result.verified()) {
                    out.println("Verified: every object is as it was before wave " + wave + ".");
                    return ExitCodes.OK;
                }
                err.println("These objects still differ from their state before the wave:");
                result.differences().forEach(d -> err.println("  - " + d));
                return ExitCodes.CLUSTER_ERROR;
            }
        } catch (BundleException | KubeconfigException e) {
            err.println("ferry rollback: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        } catch (ClusterException | JournalException e) {
            err.println("ferry rollback: " + e.getMessage());
            return ExitCodes.CLUSTER_ERROR;
        }
    }
}
