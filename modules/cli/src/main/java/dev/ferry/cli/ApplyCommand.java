package dev.ferry.cli;

import dev.ferry.cluster.apply.ApplyOptions;
import dev.ferry.cluster.apply.Rejection;
import dev.ferry.cluster.apply.SecretValues;
import dev.ferry.cluster.apply.WaveApplier;
import dev.ferry.cluster.apply.WaveRequest;
import dev.ferry.cluster.apply.WaveResult;
import dev.ferry.cluster.config.KubeconfigException;
import dev.ferry.cluster.connect.Cancellation;
import dev.ferry.cluster.connect.ClusterException;
import dev.ferry.cluster.connect.TargetCluster;
import dev.ferry.cluster.journal.JournalException;
import dev.ferry.plan.bundle.BundleException;
import dev.ferry.plan.review.ReviewSession;
import dev.ferry.plan.waves.WaveBlocker;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ferry apply}: one wave to the target, server-side dry-run first, journaled, readiness watched. */
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = {"Apply one wave of a reviewed bundle to the target cluster: refuse a blocked wave, server-side "
                + "dry-run every object, then server-side apply (field manager ferry) in order, journaling each "
                + "object's state before and after, and wait for readiness. Run it again to resume an interrupted wave."},
        footer = {"", "Secrets whose values Ferry does not carry are read from --secrets-dir DIR/<namespace>/<name>/<key> "
                + "or from FERRY_SECRET_<NAMESPACE>__<NAME>__<KEY> environment variables; never from the bundle.",
                "Refuses (exit 2, nothing written) when the context's API server is the bundle's source cluster, "
                        + "as recorded in bundle.yaml by a propose from a live inventory.",
                "Exit codes: 0 applied (or dry-run passed), 1 the wave is blocked, 2 bad input, 3 cluster error or "
                        + "rejection (the journal says exactly what was written)."})
final class ApplyCommand implements Callable<Integer> {

    @Parameters(paramLabel = "BUNDLE", description = "The bundle folder.")
    Path bundle;

    @Option(names = "--wave", required = true, paramLabel = "N", description = "The wave to apply.")
    int wave;

    @Mixin
    ClusterOptions cluster;

    @Option(names = "--dry-run", description = "Server-side dry-run only: report every rejection, write nothing.")
    boolean dryRun;

    @Option(names = "--secrets-dir", paramLabel = "DIR", description = "Values of Secrets: DIR/<namespace>/<name>/<key>.")
    Path secretsDir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (ReviewSession session = ReviewSession.open(bundle)) {
            BundleWarnings.print(err, session);
            WaveSelection selection = WaveSelection.toWrite(session, wave);
            List<WaveBlocker> blockers = session.blockers().stream().filter(b -> b.wave() == wave).toList();
            if (!blockers.isEmpty()) {
                err.println("ferry apply: " + selection.wave().label() + " is blocked; nothing was written:");
                blockers.forEach(b -> err.println("  - " + b.message()));
                return ExitCodes.BLOCKING_FINDINGS;
            }
            SecretValues secrets = secretsDir == null ? SecretValues.fromEnvironment(System.getenv())
                    : SecretValues.firstOf(SecretValues.fromDirectory(secretsDir),
                    SecretValues.fromEnvironment(System.getenv()));
            try (TargetCluster target = cluster.connectTarget()) {
                Optional<String> refusal = SourceGuard.refusal(session.manifest(), target.info(),
                        "apply " + selection.wave().label());
                if (refusal.isPresent()) {
                    err.println("ferry apply: " + refusal.get());
                    return ExitCodes.BAD_INPUT;
                }
                out.println((dryRun ? "Dry-run of " : "Applying ") + selection.wave().label() + " ("
                        + selection.objects().size() + " objects) to " + target.info().context() + " at "
                        + target.info().server());
                WaveApplier applier = new WaveApplier(target, ApplyOptions.defaults().withDryRunOnly(dryRun),
                        event -> err.println(event), Cancellation.none());
                WaveResult result = applier.apply(new WaveRequest(wave, selection.objects(), session.folder(), secrets,
                        SourceGuard.sourceServer(session.manifest())));
                return report(out, err, result);
            }
        } catch (BundleException | KubeconfigException e) {
            err.println("ferry apply: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        } catch (ClusterException | JournalException e) {
            err.println("ferry apply: " + e.getMessage());
            return ExitCodes.CLUSTER_ERROR;
        }
    }

    private int report(PrintWriter out, PrintWriter err, WaveResult result) {
        switch (result.outcome()) {
            case DRY_RUN_PASSED -> out.println("Dry-run passed: the server accepts every object. Nothing was written.");
            case APPLIED -> out.println("Wave " + wave + " applied: " + result.applied() + " objects written"
                    + (result.resumed() > 0 ? ", " + result.resumed() + " already written by an earlier run" : "")
                    + "; every object ready.");
            case REJECTED -> {
                err.println("The server rejected " + result.rejections().size() + " objects in the dry-run; nothing "
                        + "was written:");
                printAll(err, result.rejections());
            }
            case NOT_READY -> {
                out.println("Wave " + wave + " applied (" + result.applied() + " objects), but not everything became "
                        + "ready in time:");
                printAll(out, result.notReady());
            }
            case STOPPED -> {
                WaveResult.Failure failure = result.failure();
                err.println("Wave " + wave + " stopped at " + failure.resource() + ": " + failure.message());
                err.println(result.applied() + " objects were written before it; the journal records each. Fix the "
                        + "cause and run `ferry apply` again to resume, or `ferry rollback` to undo.");
            }
            case CANCELLED -> err.println("Cancelled; run `ferry apply` again to resume.");
        }
        return result.succeeded() ? ExitCodes.OK : ExitCodes.CLUSTER_ERROR;
    }

    private static void printAll(PrintWriter out, List<Rejection> rejections) {
        rejections.forEach(r -> out.println("  - " + r));
    }
}
