package dev.ferry.cli;

import dev.ferry.cluster.config.KubeconfigException;
import dev.ferry.cluster.connect.ClusterException;
import dev.ferry.cluster.connect.TargetCluster;
import dev.ferry.cluster.status.ObjectStatus;
import dev.ferry.cluster.status.WaveStatusService;
import dev.ferry.plan.bundle.BundleException;
import dev.ferry.plan.review.ReviewSession;
import dev.ferry.plan.waves.Wave;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code ferry status}: per wave, what is on the target, ready, drifted or missing. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Compare every wave of a bundle with the target: applied, ready, drifted (the live object no "
                + "longer holds what was applied) or missing.")
final class StatusCommand implements Callable<Integer> {

    @Parameters(paramLabel = "BUNDLE", description = "A bundle folder or zip.")
    Path bundle;

    @Mixin
    ClusterOptions cluster;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (ReviewSession session = ReviewSession.open(bundle)) {
            var plan = session.plan();
            if (plan.isEmpty()) {
                err.println("ferry status: the bundle has no waves yet; plan them with `ferry plan BUNDLE --auto`.");
                return ExitCodes.BAD_INPUT;
            }
            try (TargetCluster target = cluster.connectTarget()) {
                out.println("Target " + target.info().context() + " at " + target.info().server());
                WaveStatusService service = new WaveStatusService(target);
                for (Wave wave : plan.get().waves()) {
                    List<ObjectStatus> statuses = service.status(WaveSelection.of(session, wave.number()).objects());
                    Map<ObjectStatus.State, Integer> counts = new EnumMap<>(ObjectStatus.State.class);
                    statuses.forEach(s -> counts.merge(s.state(), 1, Integer::sum));
                    out.printf("%-40s ready %d, applied %d, drifted %d, missing %d%n", wave.label(),
                            counts.getOrDefault(ObjectStatus.State.READY, 0),
                            counts.getOrDefault(ObjectStatus.State.APPLIED, 0),
                            counts.getOrDefault(ObjectStatus.State.DRIFTED, 0),
                            counts.getOrDefault(ObjectStatus.State.MISSING, 0));
                    statuses.stream().filter(s -> s.state() == ObjectStatus.State.DRIFTED
                                    || s.state() == ObjectStatus.State.APPLIED)
                            .forEach(s -> out.println("    " + s.state().name().toLowerCase(java.util.Locale.ROOT)
                                    + "  " + s.resource() + (s.detail().isEmpty() ? "" : ": " + s.detail())));
                }
                return ExitCodes.OK;
            }
        } catch (BundleException | KubeconfigException e) {
            err.println("ferry status: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        } catch (ClusterException e) {
            err.println("ferry status: " + e.getMessage());
            return ExitCodes.CLUSTER_ERROR;
        }
    }
}
