package dev.ferry.cli.badinput;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes hostile and broken inputs into a folder. Everything is generated, so nothing large is committed; the big
 * ones (a 100 MB scalar) are written in a stream and never held in memory.
 */
final class HostileFiles {

    static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              namespace: shop
            spec:
              replicas: 2
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers:
                    - name: web
                      image: shopacr.azurecr.io/web:1.4.2
            """;

    /** 100 MB: more than the 64 MB a manifest file may have and far more than one document's 8 MB. */
    static final long HUGE = 100L * 1024 * 1024;
    /** Levels of nesting: a thousand times the 100 Ferry allows, enough to overflow a recursive parser's stack. */
    static final int DEEP = 100_000;

    private HostileFiles() {
    }

    static Path write(Path dir, String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    static Path write(Path dir, String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        return file;
    }

    /** A real manifest cut in the middle of a flow mapping. */
    static Path truncated(Path dir, String name) throws IOException {
        return write(dir, name, DEPLOYMENT.substring(0, DEPLOYMENT.indexOf("{app:") + 7));
    }

    /** Line 3 opens a flow sequence that never closes. */
    static Path malformed(Path dir, String name) throws IOException {
        return write(dir, name, "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: [broken\ndata: {a: b}\n");
    }

    /** Billion laughs: nine levels of ten aliases each. */
    static Path aliasBomb(Path dir, String name) throws IOException {
        StringBuilder yaml = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        char previous = 'a';
        for (char c = 'b'; c <= 'i'; c++) {
            yaml.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                yaml.append(i == 0 ? "" : ",").append('*').append(previous);
            }
            yaml.append("]\n");
            previous = c;
        }
        return write(dir, name, yaml.toString());
    }

    /** A ConfigMap whose one value is a 100 MB scalar, streamed to disk. */
    static Path hugeScalar(Path dir, String name) throws IOException {
        return streamed(dir, name, "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata:\n  blob: ", HUGE, "\n");
    }

    /** A 9 MB scalar: under the file limit, over the one-document limit. */
    static Path oversizedDocument(Path dir, String name) throws IOException {
        return streamed(dir, name, "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata:\n  blob: ",
                9L * 1024 * 1024, "\n");
    }

    private static Path streamed(Path dir, String name, String head, long fill, String tail) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        byte[] chunk = new byte[1024 * 1024];
        java.util.Arrays.fill(chunk, (byte) 'x');
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(head.getBytes(StandardCharsets.UTF_8));
            for (long written = 0; written < fill; written += chunk.length) {
                out.write(chunk, 0, (int) Math.min(chunk.length, fill - written));
            }
            out.write(tail.getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    /** {@code [[[[...]]]]}, {@link #DEEP} levels. */
    static Path deepFlow(Path dir, String name) throws IOException {
        return write(dir, name, "[".repeat(DEEP) + "]".repeat(DEEP) + "\n");
    }

    /** {@code - - - - x}: {@link #DEEP} levels of block sequences on one line. */
    static Path deepBlockSequence(Path dir, String name) throws IOException {
        return write(dir, name, "- ".repeat(DEEP) + "x\n");
    }

    /** 1,000 levels of indented block mappings (100k would need 10 GB of indentation). */
    static Path deepBlockMapping(Path dir, String name) throws IOException {
        StringBuilder yaml = new StringBuilder();
        for (int level = 0; level < 1000; level++) {
            yaml.append("  ".repeat(level)).append('k').append(level).append(":\n");
        }
        yaml.append("  ".repeat(1000)).append("x: y\n");
        return write(dir, name, yaml.toString());
    }

    /** A manifest with a Latin-1 byte on line 4. */
    static Path invalidUtf8(Path dir, String name) throws IOException {
        byte[] head = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cafe}\ndata: {a: caf".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[head.length + 3];
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[head.length] = (byte) 0xE9;
        bytes[head.length + 1] = '}';
        bytes[head.length + 2] = '\n';
        return write(dir, name, bytes);
    }

    /** The first bytes of a PNG, renamed. */
    static Path png(Path dir, String name) throws IOException {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R',
                0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1F, 0x15, (byte) 0xC4, (byte) 0x89};
        return write(dir, name, png);
    }

    /** 64 KiB of seeded random bytes. */
    static Path randomBytes(Path dir, String name) throws IOException {
        byte[] bytes = new byte[64 * 1024];
        new Random(6).nextBytes(bytes);
        return write(dir, name, bytes);
    }

    /** Control characters (not NUL) in otherwise plausible text. */
    static Path controlCharacters(Path dir, String name) throws IOException {
        return write(dir, name, "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: \u0007bell}\ndata: {a: \u001b[31m}\n");
    }

    static Path duplicateKeys(Path dir, String name) throws IOException {
        return write(dir, name, "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: one\n  name: two\n");
    }

    static Path listOfScalars(Path dir, String name) throws IOException {
        return write(dir, name, "apiVersion: v1\nkind: List\nitems:\n  - 1\n  - just text\n  - [a, b]\n");
    }

    static Path topLevelScalar(Path dir, String name) throws IOException {
        return write(dir, name, "just a sentence, not a manifest\n");
    }

    static Path kindNotText(Path dir, String name) throws IOException {
        return write(dir, name, "apiVersion: v1\nkind: {nested: 1}\nmetadata: {name: odd}\n");
    }

    static Path missingName(Path dir, String name) throws IOException {
        return write(dir, name, "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  namespace: shop\ndata: {a: b}\n");
    }

    /** A zip holding one entry with the given name. */
    static Path zipWithEntry(Path dir, String name, String entry, byte[] content) throws IOException {
        Path zip = dir.resolve(name);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("bundle.yaml"));
            out.write("format: ferry-bundle\nformatVersion: 1\nfiles: {}\n".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
            out.putNextEntry(new ZipEntry(entry));
            out.write(content);
            out.closeEntry();
        }
        return zip;
    }

    /**
     * A zip bomb: one entry of {@code megabytes} MB of zeros, about a thousand times smaller packed.
     */
    static Path zipBomb(Path dir, String name, int megabytes) throws IOException {
        Path zip = dir.resolve(name);
        byte[] zeros = new byte[1024 * 1024];
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.setLevel(Deflater.BEST_COMPRESSION);
            out.putNextEntry(new ZipEntry("changes.yaml"));
            for (int i = 0; i < megabytes; i++) {
                out.write(zeros);
            }
            out.closeEntry();
        }
        return zip;
    }
}
