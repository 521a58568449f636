package dev.ferry.cli.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.cli.FerryCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import picocli.CommandLine;

/** Runs {@code ferry} in-process, as a user would, and checks what a refused bad input must look like. */
record Ferry(String[] args, int exitCode, String out, String err) {

    /** Exit code for bad input or usage (DESIGN.md's CLI contract). */
    static final int BAD_INPUT = 2;

    static Ferry run(Object... args) {
        String[] strings = Stream.of(args).map(String::valueOf).toArray(String[]::new);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = FerryCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(strings);
        return new Ferry(strings, code, out.toString(), err.toString());
    }

    /** Refused as bad input, with a message naming every one of {@code names}, and no stack trace. */
    Ferry refusedNaming(String... names) {
        assertThat(exitCode).as(describe()).isEqualTo(BAD_INPUT);
        assertThat(err).as(describe()).contains(names);
        return withoutStackTrace();
    }

    /** Nothing a user should not see: no exception class names, no stack frames, no out-of-memory fallback. */
    Ferry withoutStackTrace() {
        assertThat(err + out).as(describe())
                .doesNotContain("Exception", "\tat ", "Error:", "ran out of memory");
        return this;
    }

    String describe() {
        return "ferry " + String.join(" ", args) + "\nexit " + exitCode + "\n--- stdout\n" + clip(out)
                + "\n--- stderr\n" + clip(err);
    }

    private static String clip(String text) {
        return text.length() > 4000 ? text.substring(0, 4000) + "\n[... " + (text.length() - 4000) + " more]" : text;
    }

    /** Every regular file under {@code folder} (or the file itself) with its SHA-256, to prove nothing changed. */
    static Map<String, String> snapshot(Path folder) {
        Map<String, String> digests = new TreeMap<>();
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return digests;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).toList()) {
                digests.put(folder.relativize(file).toString(), Files.isSymbolicLink(file)
                        ? "symlink to " + Files.readSymbolicLink(file) : sha256(Files.readAllBytes(file)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return digests;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
