package dev.ferry.cli;

import dev.ferry.plan.bundle.BundleException;
import dev.ferry.plan.report.ReportBuilder;
import dev.ferry.plan.report.ReportFormat;
import dev.ferry.plan.review.ReviewSession;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ferry report}: the migration report and cutover runbook of a bundle as it stands in review. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Render the report of a bundle: counts per edge and status, every action-required finding, the "
                + "image copy list, the identity table, the data-copy table, unresolved references, and a runbook per "
                + "wave (steps, verification, traffic shift, maintenance window, rollback)."},
        footer = {"", "Markdown and HTML show checkboxes to tick during cutover; the HTML is one self-contained file that "
                + "prints one wave per page. JSON is for pipelines (its fields are documented in JsonRenderer).",
                "Exit codes: 0 report written, 2 bad input (the bundle cannot be read, or --out cannot be written)."})
final class ReportCommand implements Callable<Integer> {

    @Parameters(paramLabel = "BUNDLE", description = "A bundle folder or a zip made by `ferry bundle pack`.")
    Path bundle;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "md", converter = FormatConverter.class,
            description = "md (default), html or json.")
    ReportFormat format;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Write the report to FILE (atomically) instead of printing it.")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        String text;
        try (ReviewSession session = ReviewSession.open(bundle)) {
            BundleWarnings.print(err, session);
            text = format.render(new ReportBuilder().build(session));
        } catch (BundleException e) {
            err.println("ferry report: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        if (out == null) {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
        try {
            write(out, text);
        } catch (IOException e) {
            err.println("ferry report: cannot write " + out + ": " + e.getMessage()
                    + ". Check the folder exists and is writable; nothing was written.");
            return ExitCodes.BAD_INPUT;
        }
        spec.commandLine().getOut().println("Wrote the " + format.id() + " report to " + out + ".");
        return ExitCodes.OK;
    }

    /** Writes to a temporary file beside the target, then moves it into place. */
    private static void write(Path target, String text) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path temporary = absolute.resolveSibling("." + absolute.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Reads {@code --format}, naming the formats when it is not one of them. */
    static final class FormatConverter implements CommandLine.ITypeConverter<ReportFormat> {
        @Override
        public ReportFormat convert(String value) {
            try {
                return ReportFormat.fromId(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
