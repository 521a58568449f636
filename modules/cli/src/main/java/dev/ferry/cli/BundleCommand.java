package dev.ferry.cli;

import dev.ferry.plan.bundle.BundleArchive;
import dev.ferry.plan.bundle.BundleException;
import dev.ferry.plan.review.ReviewMerge;
import dev.ferry.plan.review.ReviewSession;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ferry bundle pack|merge|verify}: a bundle's journey to a reviewer without cluster access and back. */
@Command(name = "bundle", mixinStandardHelpOptions = true,
        description = "Pack a bundle into one zip for an offline reviewer, merge their decisions back, verify digests.",
        subcommands = {BundleCommand.Pack.class, BundleCommand.Merge.class, BundleCommand.Verify.class})
final class BundleCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "pack", mixinStandardHelpOptions = true,
            description = "Pack BUNDLE into one zip. The reviewer opens it in the app (or with the CLI) directly.")
    static final class Pack implements Callable<Integer> {
        @Parameters(paramLabel = "BUNDLE", description = "The bundle folder.")
        Path bundle;

        @Option(names = "--out", required = true, paramLabel = "FILE.zip", description = "The zip to write.")
        Path zip;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try (ReviewSession session = ReviewSession.open(bundle)) {
                if (!session.verification().intact()) {
                    spec.commandLine().getErr().println("ferry bundle pack: " + bundle + " was changed outside Ferry ("
                            + session.verification() + "); a reviewer would see altered content. Nothing was packed.");
                    return ExitCodes.BAD_INPUT;
                }
                int files = BundleArchive.pack(session.folder(), zip);
                spec.commandLine().getOut().println("Packed " + files + " files into " + zip + ".");
                return ExitCodes.OK;
            } catch (BundleException e) {
                spec.commandLine().getErr().println("ferry bundle pack: " + e.getMessage());
                return ExitCodes.BAD_INPUT;
            }
        }
    }

    @Command(name = "merge", mixinStandardHelpOptions = true,
            description = {"Take a reviewer's approvals, rejections and comments from REVIEWED (a zip or folder) into "
                    + "BUNDLE, for changes whose content hash still matches; report every one not taken and why."})
    static final class Merge implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "BUNDLE", description = "The original bundle.")
        Path bundle;

        @Parameters(index = "1", paramLabel = "REVIEWED", description = "The reviewer's copy (zip or folder).")
        Path reviewed;

        @Option(names = "--by", paramLabel = "NAME", description = "Who merges (default: FERRY_REVIEWER, else your user name).")
        String by;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (ReviewSession session = ReviewSession.open(bundle)) {
                BundleWarnings.print(spec.commandLine().getErr(), session);
                ReviewMerge.Report report = ReviewMerge.merge(session, reviewed, by == null ? Reviewer.current() : by);
                out.println("Took " + report.taken().size() + " decisions from " + reviewed + ".");
                for (ReviewMerge.Outcome outcome : report.taken()) {
                    out.println("  " + outcome.decision().verdict().id() + "  " + outcome.changeId() + "  "
                            + outcome.resource() + "  by " + outcome.decision().by()
                            + (outcome.decision().comment().isEmpty() ? "" : ": " + outcome.decision().comment()));
                }
                if (!report.notTaken().isEmpty()) {
                    out.println("Did not take " + report.notTaken().size() + ":");
                    for (ReviewMerge.Outcome outcome : report.notTaken()) {
                        out.println("  " + outcome.changeId() + "  " + outcome.resource() + ": " + outcome.reason());
                    }
                }
                return ExitCodes.OK;
            } catch (BundleException e) {
                spec.commandLine().getErr().println("ferry bundle merge: " + e.getMessage());
                return ExitCodes.BAD_INPUT;
            }
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Check every file of BUNDLE (folder or zip) against the digests Ferry recorded.")
    static final class Verify implements Callable<Integer> {
        @Parameters(paramLabel = "BUNDLE", description = "A bundle folder or zip.")
        Path bundle;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try (ReviewSession session = ReviewSession.open(bundle)) {
                if (session.verification().intact()) {
                    spec.commandLine().getOut().println(bundle + ": intact; every file matches its recorded digest.");
                    return ExitCodes.OK;
                }
                var v = session.verification();
                PrintWriter err = spec.commandLine().getErr();
                err.println(bundle + ": changed outside Ferry.");
                v.changed().forEach(f -> err.println("  changed:  " + f));
                v.missing().forEach(f -> err.println("  missing:  " + f));
                v.added().forEach(f -> err.println("  added:    " + f));
                err.println("Restore those files from the original bundle, or propose again.");
                return ExitCodes.BAD_INPUT;
            } catch (BundleException e) {
                spec.commandLine().getErr().println("ferry bundle verify: " + e.getMessage());
                return ExitCodes.BAD_INPUT;
            }
        }
    }
}
