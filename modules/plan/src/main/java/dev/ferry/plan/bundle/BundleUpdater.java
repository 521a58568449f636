package dev.ferry.plan.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.model.io.Yaml;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Changes files of an existing bundle in place and keeps {@code bundle.yaml}'s digests true. Each file is written to
 * a temporary file and moved into place, and the manifest is rewritten last, so an interrupted update leaves every
 * file either old or new and names any file whose digest no longer matches when the bundle is next opened.
 */
public final class BundleUpdater {

    private final Path root;

    public BundleUpdater(Path root) {
        this.root = root;
    }

    /** Writes {@code writes} (bundle-relative path → bytes), deletes {@code deletes}, then records the digests. */
    public void update(Map<String, byte[]> writes, Collection<String> deletes) throws BundleException {
        try {
            Map<String, String> digests = new TreeMap<>();
            for (Map.Entry<String, byte[]> write : writes.entrySet()) {
                Path file = resolve(write.getKey());
                Files.createDirectories(file.getParent());
                writeAtomically(file, write.getValue());
                digests.put(write.getKey(), Digests.sha256(write.getValue()));
            }
            for (String delete : deletes) {
                Files.deleteIfExists(resolve(delete));
            }
            recordDigests(digests, deletes);
        } catch (IOException e) {
            throw new BundleException("Cannot update the bundle " + root + ": " + e.getMessage()
                    + ". Check the folder is writable and the disk has space.", e);
        }
    }

    /**
     * Appends lines to a file that is never rewritten (the audit log, the journal) and forces them to disk before
     * returning, then records the file's new digest.
     */
    public void append(String path, String lines) throws BundleException {
        Path file;
        try {
            file = resolve(path);
            Files.createDirectories(file.getParent());
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                channel.write(StandardCharsets.UTF_8.encode(lines));
                channel.force(true);
            }
            recordDigests(Map.of(path, Digests.sha256(Files.readAllBytes(file))), java.util.List.of());
        } catch (IOException e) {
            throw new BundleException("Cannot append to " + root.resolve(path) + ": " + e.getMessage()
                    + ". Check the folder is writable and the disk has space.", e);
        }
    }

    private void recordDigests(Map<String, String> digests, Collection<String> deletes) throws IOException {
        Path manifestFile = root.resolve(BundleLayout.MANIFEST);
        JsonNode manifest = Yaml.parse(Files.readString(manifestFile));
        if (!(manifest instanceof ObjectNode object)) {
            throw new IOException(manifestFile + " is not a mapping");
        }
        JsonNode files = object.path("files");
        ObjectNode updated = object.putObject("files");
        Map<String, String> all = new TreeMap<>();
        files.fields().forEachRemaining(entry -> all.put(entry.getKey(), entry.getValue().asText()));
        deletes.forEach(all::remove);
        all.putAll(digests);
        all.forEach(updated::put);
        writeAtomically(manifestFile, Yaml.write(object).getBytes(StandardCharsets.UTF_8));
    }

    private Path resolve(String path) throws IOException {
        Path file = root.resolve(path).normalize();
        if (!file.startsWith(root.normalize())) {
            throw new IOException(path + " lies outside the bundle");
        }
        return file;
    }

    static void writeAtomically(Path file, byte[] bytes) throws IOException {
        Path temporary = file.resolveSibling("." + file.getFileName() + ".tmp-" + UUID.randomUUID());
        try {
            Files.write(temporary, bytes);
            move(temporary, file);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Moves a finished file into place, replacing what is there, atomically where the file system can. */
    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
