package dev.ferry.cli;

import dev.ferry.cluster.config.Kubeconfig;
import dev.ferry.cluster.config.KubeconfigException;
import dev.ferry.cluster.config.KubeconfigLoader;
import dev.ferry.cluster.connect.Cancellation;
import dev.ferry.cluster.connect.ClusterConnector;
import dev.ferry.cluster.connect.ClusterException;
import dev.ferry.cluster.connect.SourceCluster;
import dev.ferry.cluster.inventory.InventoryException;
import dev.ferry.cluster.inventory.InventoryListener;
import dev.ferry.cluster.inventory.InventoryOptions;
import dev.ferry.cluster.inventory.InventoryResult;
import dev.ferry.cluster.inventory.InventoryService;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ferry inventory}: a sanitized export of a live cluster into a folder {@code ferry propose} reads. */
@Command(name = "inventory",
        mixinStandardHelpOptions = true,
        description = {"Reads every object of a live cluster (read-only) into a folder that `ferry propose` reads: "
                + "one YAML file per object, Secrets redacted (key names and value digests only), objects that are "
                + "not the workload's own left out with the reason, and a summary in DIR/.inventory.yaml."},
        footer = {"", "A type that cannot be listed (forbidden, not found, failing) is reported and the inventory "
                + "goes on. Progress goes to stderr.",
                "Exit codes: 0 inventory written, 2 bad input or usage (kubeconfig, context, --out), "
                        + "3 cluster error (unreachable, credentials rejected); nothing is written on 2 or 3."})
final class InventoryCommand implements Callable<Integer> {

    private static final int FAILURES_SHOWN = 20;

    @Option(names = "--context", required = true, paramLabel = "CTX", description = "The kubeconfig context to read.")
    String context;

    @Option(names = "--kubeconfig", paramLabel = "FILE",
            description = "Kubeconfig file. Default: $KUBECONFIG (several files merged), else ~/.kube/config.")
    Path kubeconfig;

    @Option(names = "--namespace", paramLabel = "NS", arity = "1..*",
            description = "Only these namespaces (cluster-scoped objects are always read). Default: all.")
    List<String> namespaces = new ArrayList<>();

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Folder to write. Replaced atomically if it holds an earlier inventory; refused if it "
                    + "holds anything else.")
    Path out;

    @Option(names = "--parallelism", paramLabel = "N", defaultValue = "4",
            description = "Types listed at once (default: ${DEFAULT-VALUE}).")
    int parallelism;

    @Option(names = "--page-size", paramLabel = "N", defaultValue = "500",
            description = "Objects per list request (default: ${DEFAULT-VALUE}).")
    int pageSize;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Outcome outcome = run(spec.commandLine().getOut(), spec.commandLine().getErr(), "ferry inventory", true);
        return outcome.exitCode();
    }

    /** What an inventory run ended with: the exit code, and the result when it succeeded. */
    record Outcome(int exitCode, InventoryResult result) {
    }

    /**
     * Takes the inventory with these options; {@code ferry propose --context} runs it the same way. Errors are printed
     * prefixed with {@code command}; {@code suggestPropose} ends the summary with the next command to run.
     */
    Outcome run(PrintWriter stdout, PrintWriter err, String command, boolean suggestPropose) {
        if (parallelism < 1 || pageSize < 1) {
            err.println(command + ": --parallelism and --page-size must be at least 1.");
            return new Outcome(ExitCodes.BAD_INPUT, null);
        }
        Kubeconfig config;
        try {
            config = new KubeconfigLoader().load(kubeconfig);
        } catch (KubeconfigException e) {
            err.println(command + ": " + e.getMessage());
            return new Outcome(ExitCodes.BAD_INPUT, null);
        }
        config.warnings().forEach(w -> err.println("warning: " + w));
        long started = System.nanoTime();
        try (SourceCluster source = new ClusterConnector().connectSource(config, context)) {
            err.println("Connected to " + source.info() + " (read-only).");
            InventoryOptions options = InventoryOptions.defaults().withNamespaces(namespaces)
                    .withParallelism(parallelism).withPageSize(pageSize);
            InventoryResult result = new InventoryService(source, options, progress(err), Cancellation.none())
                    .run(out);
            print(stdout, result, (System.nanoTime() - started) / 1_000_000, suggestPropose);
            return new Outcome(ExitCodes.OK, result);
        } catch (ClusterException e) {
            err.println(command + ": " + e.getMessage());
            return new Outcome(e.reason() == ClusterException.Reason.CONFIGURATION ? ExitCodes.BAD_INPUT
                    : ExitCodes.CLUSTER_ERROR, null);
        } catch (InventoryException e) {
            err.println(command + ": " + e.getMessage());
            return new Outcome(ExitCodes.BAD_INPUT, null);
        }
    }

    /** One line on stderr per finished type; the listener is called from several threads. */
    private static InventoryListener progress(PrintWriter err) {
        AtomicInteger lastDone = new AtomicInteger(-1);
        return progress -> {
            int done = progress.typesDone();
            if (lastDone.getAndSet(done) != done) {
                synchronized (err) {
                    err.printf(Locale.ROOT, "[%d/%d types] %,d objects read (%s)%n", done, progress.typesTotal(),
                            progress.objects(), progress.currentType());
                    err.flush();
                }
            }
        };
    }

    private static void print(PrintWriter out, InventoryResult result, long millis, boolean suggestPropose) {
        out.printf(Locale.ROOT, "Inventory of %s%n", result.cluster());
        out.printf(Locale.ROOT, "  %,d objects written from %d types in %.1f s%n", result.objects(),
                result.listed().size(), millis / 1000.0);
        out.printf(Locale.ROOT, "  %,d objects left out (not the workload's own), %d types not listed for the same "
                + "reason%n", result.excluded().size(), result.skipped().size());
        if (!result.failures().isEmpty()) {
            out.printf(Locale.ROOT, "  %d types could not be listed:%n", result.failures().size());
            result.failures().stream().limit(FAILURES_SHOWN).forEach(f -> out.printf(Locale.ROOT, "    %s (%s): %s%n",
                    f.kind(), f.apiVersion(), f.reason()));
        }
        result.discoveryFailures().forEach(f -> out.println("  discovery failed for " + f));
        out.println("Inventory: " + result.folder() + " (summary in " + result.folder().resolve(".inventory.yaml")
                + ")" + (suggestPropose ? "; next: ferry propose --out BUNDLE " + result.folder() : ""));
    }
}
