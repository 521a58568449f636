package dev.ferry.plan.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A bundle as one zip file, for sending to a reviewer without cluster access. Packing refuses symbolic links;
 * unpacking refuses entries that would land outside the target folder ({@code ../}, absolute paths), and bounds
 * the number of entries and the bytes written, so a hostile zip can neither escape nor fill the disk.
 */
public final class BundleArchive {

    static final int MAX_ENTRIES = 500_000;
    static final long MAX_BYTES = 4L * 1024 * 1024 * 1024;
    /**
     * Bundles are YAML and compress well, but not two hundred times over: deflate's best is about a thousand to one,
     * which only a zip bomb reaches. Checked once a zip has unpacked more than {@link #RATIO_CHECKED_AFTER} bytes.
     */
    static final int MAX_RATIO = 200;
    static final long RATIO_CHECKED_AFTER = 16L * 1024 * 1024;
    /** Entries carry a fixed time so packing the same bundle twice gives the same bytes. */
    private static final FileTime EPOCH = FileTime.fromMillis(0);

    private BundleArchive() {
    }

    public static boolean isZip(Path path) {
        return Files.isRegularFile(path) && path.getFileName().toString().toLowerCase(java.util.Locale.ROOT)
                .endsWith(".zip");
    }

    /** Packs a bundle folder into {@code zip}, atomically. Returns the number of files packed. */
    public static int pack(Path bundle, Path zip) throws BundleException {
        if (!Files.isRegularFile(bundle.resolve(BundleLayout.MANIFEST))) {
            throw new BundleException(bundle + " is not a Ferry bundle (no " + BundleLayout.MANIFEST + ").");
        }
        Path absolute = zip.toAbsolutePath().normalize();
        Path temporary = absolute.resolveSibling("." + absolute.getFileName() + ".tmp-" + UUID.randomUUID());
        int count = 0;
        try {
            Files.createDirectories(absolute.getParent());
            List<Path> files;
            try (Stream<Path> walk = Files.walk(bundle)) {
                files = walk.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
            }
            try (OutputStream out = Files.newOutputStream(temporary); ZipOutputStream zipOut = new ZipOutputStream(out)) {
                for (Path file : files) {
                    String name = bundle.relativize(file).toString().replace('\\', '/');
                    if (Files.isSymbolicLink(file)) {
                        throw new BundleException(bundle.resolve(name) + " is a symbolic link; a bundle holds only "
                                + "regular files. Remove it and pack again.");
                    }
                    ZipEntry entry = new ZipEntry(name);
                    entry.setLastModifiedTime(EPOCH);
                    zipOut.putNextEntry(entry);
                    Files.copy(file, zipOut);
                    zipOut.closeEntry();
                    count++;
                }
            }
            BundleUpdater.move(temporary, absolute);
            return count;
        } catch (IOException e) {
            throw new BundleException("Cannot write " + zip + ": " + e.getMessage()
                    + ". Check the folder is writable and the disk has space; nothing was written.", e);
        } finally {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // a leftover .tmp file beside the zip is harmless and named as such
            }
        }
    }

    /** Unpacks a bundle zip into an empty or new folder. */
    public static void unpack(Path zip, Path target) throws BundleException {
        Path root = target.toAbsolutePath().normalize();
        int entries = 0;
        long bytes = 0;
        try (CountingInputStream in = new CountingInputStream(Files.newInputStream(zip));
             ZipInputStream zipIn = new ZipInputStream(in)) {
            Files.createDirectories(root);
            ZipEntry entry;
            while ((entry = zipIn.getNextEntry()) != null) {
                if (++entries > MAX_ENTRIES) {
                    throw new BundleException(zip + " has more than " + MAX_ENTRIES + " entries; it is not a bundle "
                            + "Ferry wrote.");
                }
                Path file = root.resolve(entry.getName()).normalize();
                if (!file.startsWith(root) || file.equals(root) || entry.getName().startsWith("/")) {
                    throw new BundleException(zip + ": entry `" + entry.getName() + "` points outside the bundle "
                            + "(zip-slip); refusing to open it. Ask the sender for a zip made by `ferry bundle pack`.");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(file);
                    continue;
                }
                Files.createDirectories(file.getParent());
                bytes += copyBounded(zipIn, file, bytes, in, zip);
            }
        } catch (ZipException e) {
            throw new BundleException(zip + " is not a readable zip (" + e.getMessage() + ").", e);
        } catch (IOException e) {
            throw new BundleException("Cannot unpack " + zip + ": " + e.getMessage() + ".", e);
        }
        if (entries == 0) {
            throw new BundleException(zip + " is empty or not a zip; give a bundle packed by `ferry bundle pack`.");
        }
    }

    private static long copyBounded(InputStream in, Path file, long before, CountingInputStream packed, Path zip)
            throws IOException, BundleException {
        long written = 0;
        byte[] buffer = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            int read;
            while ((read = in.read(buffer)) > 0) {
                written += read;
                long total = before + written;
                if (total > MAX_BYTES) {
                    throw new BundleException(zip + " unpacks to more than " + (MAX_BYTES >> 30) + " GiB; it is not "
                            + "a bundle Ferry wrote.");
                }
                if (total > RATIO_CHECKED_AFTER && total / Math.max(1, packed.count()) > MAX_RATIO) {
                    throw new BundleException(zip + " unpacks to more than " + MAX_RATIO + " times its size (a zip "
                            + "bomb); it is not a bundle Ferry wrote. Ask the sender for a zip made by `ferry bundle "
                            + "pack`.");
                }
                out.write(buffer, 0, read);
            }
        }
        return written;
    }

    /** Counts the packed bytes read from the zip file, to bound the compression ratio. */
    private static final class CountingInputStream extends java.io.FilterInputStream {
        private long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int read = super.read(b, off, len);
            if (read > 0) {
                count += read;
            }
            return read;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }
}
