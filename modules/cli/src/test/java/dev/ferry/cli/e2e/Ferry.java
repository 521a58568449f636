package dev.ferry.cli.e2e;

import dev.ferry.cli.FerryCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs {@code ferry} in-process, as a user would from a shell, and captures what it prints. */
record Ferry(int exitCode, String out, String err) {

    static Ferry run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = FerryCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new Ferry(code, out.toString(), err.toString());
    }

    /** Fails with everything the command printed unless it exited with {@code expected}. */
    Ferry expect(int expected) {
        if (exitCode != expected) {
            throw new AssertionError("exit " + exitCode + " (expected " + expected + ")\nstdout:\n" + out
                    + "\nstderr:\n" + err);
        }
        return this;
    }
}
