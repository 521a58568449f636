package dev.ferry.cli;

import dev.ferry.cluster.inventory.InventoryOptions;
import dev.ferry.engine.Direction;
import dev.ferry.engine.rule.RuleSet;
import dev.ferry.engine.settings.MigrationSettings;
import dev.ferry.model.io.ManifestProblem;
import dev.ferry.model.io.ManifestSet;
import dev.ferry.model.io.ManifestReader;
import dev.ferry.plan.bundle.BundleContent;
import dev.ferry.plan.bundle.ClusterOrigin;
import dev.ferry.plan.bundle.BundleException;
import dev.ferry.plan.bundle.BundleWriter;
import dev.ferry.plan.report.ProposeReport;
import dev.ferry.plan.review.PriorReview;
import dev.ferry.plan.propose.ProposeService;
import dev.ferry.plan.settings.SettingsException;
import dev.ferry.plan.settings.SettingsFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ferry propose}: read manifests, run the catalogue, write a bundle, print a summary per edge. */
@Command(name = "propose",
        mixinStandardHelpOptions = true,
        description = {"Reads manifests (files, folders, or an inventory folder), proposes the target equivalent of "
                + "every object edge by edge, and writes a bundle for review.",
                "With --context instead of INPUT it first takes the inventory of that live cluster (read-only, as "
                        + "`ferry inventory` does) into the folder BUNDLE.inventory beside the bundle, replacing an "
                        + "earlier inventory there, and proposes from it."},
        footer = {"", "Documents that cannot be read are reported with file, document and line, and the others are "
                + "still proposed (use --strict to refuse instead).",
                "When the input is an inventory of a live cluster, the bundle records that cluster's context and "
                        + "server (never credentials) in bundle.yaml, and `ferry apply` refuses to apply it back "
                        + "onto that server.",
                "Exit codes: 0 bundle written, 2 bad input or usage (nothing written), 3 cluster error while "
                        + "taking the inventory (nothing written)."})
final class ProposeCommand implements Callable<Integer> {

    private static final int PROBLEMS_SHOWN = 20;

    @Option(names = "--settings", paramLabel = "FILE",
            description = "Migration settings (settings.yaml). Without it Ferry uses defaults and reports every "
                    + "setting it needs as an action-required finding.")
    Path settingsFile;

    @Option(names = "--out", required = true, paramLabel = "BUNDLE",
            description = "Folder to write the bundle to. Replaced atomically if it holds a bundle; refused if it "
                    + "holds anything else.")
    Path out;

    @Option(names = "--direction", paramLabel = "DIRECTION",
            description = "aks-to-eks or eks-to-aks; overrides `direction` in the settings (default aks-to-eks).")
    String direction;

    @Option(names = "--strict",
            description = "Refuse (exit 2, write nothing) when any document cannot be read.")
    boolean strict;

    @Parameters(arity = "0..*", paramLabel = "INPUT",
            description = "Files or folders of YAML/JSON manifests (folders are searched recursively for *.yaml, "
                    + "*.yml, *.json), or an inventory folder. Required unless --context is given.")
    List<Path> inputs = new ArrayList<>();

    @Option(names = "--context", paramLabel = "CTX",
            description = "Take the inventory of this kubeconfig context first (read-only) and propose from it, "
                    + "instead of INPUT.")
    String context;

    @Option(names = "--kubeconfig", paramLabel = "FILE",
            description = "With --context: the kubeconfig file. Default: $KUBECONFIG (several files merged), else "
                    + "~/.kube/config.")
    Path kubeconfig;

    @Option(names = "--namespace", paramLabel = "NS", arity = "1..*",
            description = "With --context: only these namespaces (cluster-scoped objects are always read). "
                    + "Default: all.")
    List<String> namespaces = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SettingsFile.Loaded settings;
        try {
            settings = settingsFile == null
                    ? new SettingsFile.Loaded(MigrationSettings.empty(Direction.AKS_TO_EKS), List.of())
                    : SettingsFile.read(settingsFile);
        } catch (SettingsException e) {
            err.println("ferry propose: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        settings.warnings().forEach(w -> err.println("warning: " + w));
        if (direction != null) {
            try {
                settings = new SettingsFile.Loaded(settings.settings().withDirection(Direction.fromId(direction)),
                        settings.warnings());
            } catch (IllegalArgumentException e) {
                err.println("ferry propose: --direction: " + e.getMessage());
                return ExitCodes.BAD_INPUT;
            }
        }
        Direction chosen = settings.settings().direction();
        if (!RuleSet.available(chosen)) {
            err.println("ferry propose: this version of Ferry has no rule catalogue for " + chosen
                    + "; set `direction` in the settings to one it has.");
            return ExitCodes.BAD_INPUT;
        }

        if (context == null && inputs.isEmpty()) {
            err.println("ferry propose: give the manifests to propose (INPUT) or a live cluster (--context CTX).");
            return ExitCodes.BAD_INPUT;
        }
        if (context != null && !inputs.isEmpty()) {
            err.println("ferry propose: give either INPUT or --context, not both: --context proposes from a fresh "
                    + "inventory of that cluster.");
            return ExitCodes.BAD_INPUT;
        }
        if (context == null && (kubeconfig != null || !namespaces.isEmpty())) {
            err.println("ferry propose: --kubeconfig and --namespace go with --context; to filter an existing "
                    + "inventory, take it again with `ferry inventory --namespace`.");
            return ExitCodes.BAD_INPUT;
        }

        long started = System.nanoTime();
        if (context != null) {
            int inventory = inventory(stdout, err);
            if (inventory != ExitCodes.OK) {
                return inventory;
            }
        }
        try {
            return proposeAndWrite(settings.settings(), stdout, err, started);
        } catch (OutOfMemoryError e) {
            err.println("ferry propose: ran out of memory (" + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                    + " MiB heap); nothing was written. Give Java more heap, for example `java -Xmx2g -jar ferry.jar "
                    + "propose ...`, or propose namespaces in smaller groups.");
            return ExitCodes.BAD_INPUT;
        }
    }

    private int proposeAndWrite(MigrationSettings settings, PrintWriter stdout, PrintWriter err, long started) {
        ReadSummary read = read(settings, err);
        if (read == null) {
            return ExitCodes.BAD_INPUT;
        }
        Optional<ClusterOrigin> origin;
        try {
            origin = origin(inputs);
        } catch (BundleException e) {
            err.println("ferry propose: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        BundleContent content = new BundleContent(read.proposal(), settings, describe(inputs, origin),
                read.problems(), VersionProvider.version(), Instant.now()).withSourceCluster(origin.orElse(null));
        int files;
        Optional<PriorReview.Outcome> carried;
        try {
            Optional<PriorReview> prior = PriorReview.read(out);
            files = new BundleWriter(new ProposeReport()).write(content, out);
            carried = prior.isPresent() && !prior.get().isEmpty()
                    ? Optional.of(prior.get().restoreInto(out, Reviewer.current(), Instant.now()))
                    : Optional.empty();
        } catch (BundleException e) {
            err.println("ferry propose: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        new ProposeSummary(stdout).print(read.objects(), read.files(), read.problems().size(), read.proposal(), out,
                files, millis);
        carried.ifPresent(outcome -> printCarryOver(stdout, outcome));
        return ExitCodes.OK;
    }

    private static void printCarryOver(PrintWriter stdout, PriorReview.Outcome outcome) {
        stdout.printf("Review carried over: %d decisions kept, %d on changed content (shown as changed since "
                        + "approved), %d on changes no longer proposed, %d hand edits kept.%n", outcome.decisionsKept(),
                outcome.decisionsOnChangedContent(), outcome.decisionsOnVanishedChanges(), outcome.editsKept());
        for (String edit : outcome.editsNoLongerApplying()) {
            stdout.println("  hand edit no longer applies: " + edit);
        }
    }

    /** What reading produced, without the raw objects, which are dropped as soon as they are sanitized. */
    private record ReadSummary(int objects, int files, List<ManifestProblem> problems,
                               dev.ferry.engine.run.Proposal proposal) {
    }

    private ReadSummary read(MigrationSettings settings, PrintWriter err) {
        ManifestSet input = new ManifestReader().read(inputs);
        reportProblems(err, input.problems());
        if (input.objects().isEmpty()) {
            err.println("ferry propose: no Kubernetes objects found in " + inputs
                    + "; give files or folders of manifests.");
            return null;
        }
        if (strict && !input.problems().isEmpty()) {
            err.println("ferry propose: --strict and " + input.problems().size()
                    + " documents could not be read; nothing was written.");
            return null;
        }
        return new ReadSummary(input.objects().size(), input.files(), input.problems(),
                new ProposeService().propose(input, settings));
    }

    private static void reportProblems(PrintWriter err, List<ManifestProblem> problems) {
        problems.stream().limit(PROBLEMS_SHOWN).forEach(p -> err.println("cannot read " + p));
        if (problems.size() > PROBLEMS_SHOWN) {
            err.println("... and " + (problems.size() - PROBLEMS_SHOWN)
                    + " more documents that could not be read (all are listed in the bundle's report.md)");
        }
    }

    private static String describe(List<Path> inputs, Optional<ClusterOrigin> origin) {
        String paths = String.join(", ", inputs.stream().map(Path::toString).toList());
        return origin.map(o -> "inventory of cluster " + o + ": " + paths).orElse("manifests: " + paths);
    }

    /** Where the inventory of --context goes: the folder BUNDLE.inventory beside the bundle. */
    Path inventoryFolder() {
        Path bundle = out.toAbsolutePath().normalize();
        return bundle.resolveSibling(bundle.getFileName() + ".inventory");
    }

    /** Takes the inventory of --context into {@link #inventoryFolder()}, as `ferry inventory` does, and reads it. */
    private int inventory(PrintWriter stdout, PrintWriter err) {
        InventoryCommand inventory = new InventoryCommand();
        inventory.context = context;
        inventory.kubeconfig = kubeconfig;
        inventory.namespaces = namespaces;
        inventory.out = inventoryFolder();
        inventory.parallelism = InventoryOptions.defaults().parallelism();
        inventory.pageSize = InventoryOptions.defaults().pageSize();
        InventoryCommand.Outcome outcome = inventory.run(stdout, err, "ferry propose", false);
        if (outcome.exitCode() == ExitCodes.OK) {
            inputs = List.of(outcome.result().folder());
        }
        return outcome.exitCode();
    }

    /**
     * The live cluster the inputs were read from: the one inventory folder among them that records it. Inventories of
     * two different servers in one bundle are refused, since apply could only guard against one of them.
     */
    private static Optional<ClusterOrigin> origin(List<Path> inputs) throws BundleException {
        List<ClusterOrigin> origins = new ArrayList<>();
        for (Path input : inputs) {
            ClusterOrigin.ofInventory(input).filter(o -> origins.stream()
                    .noneMatch(known -> known.server().equals(o.server()))).ifPresent(origins::add);
        }
        if (origins.size() > 1) {
            throw new BundleException("the inputs are inventories of " + origins.size() + " clusters ("
                    + String.join(", ", origins.stream().map(ClusterOrigin::toString).toList()) + "); propose one "
                    + "cluster's inventory per bundle.");
        }
        return origins.stream().findFirst();
    }
}
