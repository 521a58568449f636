package dev.ferry.cluster.inventory;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.model.ResourceKey;
import dev.ferry.model.io.FileTrees;
import dev.ferry.model.io.Yaml;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The on-disk inventory: {@code <namespace|_cluster>/<kind>.<name>.yaml} per object (the bundle's layout, so
 * {@code ferry propose} reads the folder as it is) and the summary {@value #SUMMARY}, a dot-file the manifest reader
 * skips. Written into a temporary sibling folder and moved into place at the end, so a failed or cancelled
 * inventory leaves nothing half-written and the previous inventory untouched.
 */
final class InventoryFolder {

    /** The summary file; hidden, so the manifest reader never takes it for a manifest. */
    static final String SUMMARY = ".inventory.yaml";

    private final Path target;
    private final Path temporary;

    private InventoryFolder(Path target, Path temporary) {
        this.target = target;
        this.temporary = temporary;
    }

    static InventoryFolder create(Path target) throws InventoryException {
        Path absolute = target.toAbsolutePath().normalize();
        if (Files.exists(absolute) && !replaceable(absolute)) {
            throw new InventoryException("`" + target + "` exists and is not an inventory folder (it has no "
                    + SUMMARY + "). Give an empty or new folder with --out.");
        }
        try {
            Files.createDirectories(absolute.getParent());
            Path temporary = absolute.resolveSibling("." + absolute.getFileName() + ".tmp-" + UUID.randomUUID());
            Files.createDirectory(temporary);
            return new InventoryFolder(absolute, temporary);
        } catch (IOException e) {
            throw new InventoryException("Cannot create the inventory folder next to `" + target + "` ("
                    + e.getMessage() + "). Check the path and its permissions.", e);
        }
    }

    private static boolean replaceable(Path folder) {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        if (Files.exists(folder.resolve(SUMMARY))) {
            return true;
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    /** The object's path relative to the folder. */
    static String relativePath(ResourceKey key, boolean qualifyGroup) {
        String folder = key.clusterScoped() ? "_cluster" : safe(key.namespace());
        String kind = key.kind().toLowerCase(Locale.ROOT);
        if (qualifyGroup && !key.group().isEmpty()) {
            kind = kind + "." + safe(key.group());
        }
        return folder + "/" + kind + "." + safe(key.name()) + ".yaml";
    }

    private static String safe(String segment) {
        StringBuilder out = new StringBuilder(segment.length());
        for (char c : segment.toCharArray()) {
            if (Character.isLetterOrDigit(c) || c == '-' || c == '.' || c == '_') {
                out.append(c);
            } else {
                out.append('%').append(String.format(Locale.ROOT, "%02X", (int) c));
            }
        }
        String result = out.toString();
        return result.equals(".") || result.equals("..") ? result.replace(".", "%2E") : result;
    }

    void write(String relative, ObjectNode body) throws IOException {
        Path file = temporary.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, Yaml.write(body), StandardCharsets.UTF_8);
    }

    void delete(String relative) throws IOException {
        Files.deleteIfExists(temporary.resolve(relative));
    }

    void writeSummary(ObjectNode summary) throws IOException {
        Files.writeString(temporary.resolve(SUMMARY), Yaml.write(summary), StandardCharsets.UTF_8);
    }

    /** Moves the finished folder into place, replacing an earlier inventory only once the new one is complete. */
    Path commit() throws InventoryException {
        try {
            Path old = null;
            if (Files.exists(target)) {
                old = target.resolveSibling("." + target.getFileName() + ".old-" + UUID.randomUUID());
                move(target, old);
            }
            try {
                move(temporary, target);
            } catch (IOException e) {
                if (old != null) {
                    move(old, target);
                }
                throw e;
            }
            if (old != null) {
                FileTrees.delete(old);
            }
            return target;
        } catch (IOException e) {
            abandon();
            throw new InventoryException("Cannot move the inventory into `" + target + "` (" + e.getMessage()
                    + "). Check the folder's permissions.", e);
        }
    }

    /** Deletes the temporary folder: nothing of a failed inventory stays on disk. */
    void abandon() {
        try {
            FileTrees.delete(temporary);
        } catch (IOException e) {
            // a leftover hidden temporary folder is harmless; it is named so it is never read as an inventory
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }
}
