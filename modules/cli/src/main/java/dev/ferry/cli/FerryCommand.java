package dev.ferry.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ferry} command. */
@Command(name = "ferry",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Moves Kubernetes workloads between managed clouds (AKS → EKS and EKS → AKS), edge by edge.",
        subcommands = {InventoryCommand.class, ProposeCommand.class, DiffCommand.class, ApproveChangesCommand.class, RejectChangesCommand.class,
                PlanCommand.class, ReportCommand.class,
                BundleCommand.class, ApplyCommand.class, RollbackCommand.class, StatusCommand.class,
                RulesCommand.class, SandboxCommand.class, RbacCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 success, 1 blocking findings, 2 bad input or usage, 3 cluster error."})
public final class FerryCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, shared by {@code main} and tests. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new FerryCommand());
        commandLine.setExitCodeExceptionMapper(e -> ExitCodes.BAD_INPUT);
        commandLine.setParameterExceptionHandler((e, args) -> {
            e.getCommandLine().getErr().println("ferry: " + e.getMessage());
            e.getCommandLine().getErr().println("Run `" + e.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help` for usage.");
            return ExitCodes.BAD_INPUT;
        });
        return commandLine;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
