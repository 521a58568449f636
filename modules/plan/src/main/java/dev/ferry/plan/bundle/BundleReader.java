package dev.ferry.plan.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.engine.Change;
import dev.ferry.engine.settings.MigrationSettings;
import dev.ferry.model.KubeObject;
import dev.ferry.model.io.ManifestProblem;
import dev.ferry.model.io.ManifestReader;
import dev.ferry.model.io.ManifestSet;
import dev.ferry.model.sanitize.Exclusion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Opens a bundle folder: checks every file against the digest recorded in {@code bundle.yaml} and reads it. A file
 * changed since the bundle was written is reported in {@link Bundle.Verification}, not refused, so a reviewer can see
 * exactly what was touched; a file that cannot be parsed is an error naming it.
 */
public final class BundleReader {

    /**
     * Bundle files Ferry wrote itself can be far larger than SnakeYAML's default 3 MB document limit: the
     * {@code changes.yaml} of a 10,000-object estate is about 20 MB.
     */
    private static final int MAX_FILE_CODE_POINTS = 512 * 1024 * 1024;
    /**
     * The longest line a bundle file may have. Ferry's writer puts a long string on one line, and no object it read
     * can hold a string longer than one manifest document (8 MB); SnakeYAML's scanner is quadratic in the length of a
     * scalar, so a longer line would take hours to read instead of failing.
     */
    static final long MAX_LINE_BYTES = 8L * 1024 * 1024;
    private static final com.fasterxml.jackson.databind.ObjectMapper BUNDLE_YAML = bundleYaml();
    /** Threads that verify digests and parse source files while the caller reads {@code changes.yaml}. */
    private static final int WORKERS = 3;

    private static com.fasterxml.jackson.databind.ObjectMapper bundleYaml() {
        org.yaml.snakeyaml.LoaderOptions options = new org.yaml.snakeyaml.LoaderOptions();
        options.setCodePointLimit(MAX_FILE_CODE_POINTS);
        return new com.fasterxml.jackson.databind.ObjectMapper(
                com.fasterxml.jackson.dataformat.yaml.YAMLFactory.builder().loaderOptions(options).build());
    }

    private final boolean parseProposed;
    private final Consumer<JsonNode> changeNodes;

    /** A reader of the whole bundle. */
    public BundleReader() {
        this(true, node -> { });
    }

    private BundleReader(boolean parseProposed, Consumer<JsonNode> changeNodes) {
        this.parseProposed = parseProposed;
        this.changeNodes = changeNodes;
    }

    /**
     * A reader for a review, which derives the proposed objects from the source and the changes itself: the files
     * under {@code proposed/} are still checked against their digests but not parsed ({@link Bundle#proposed()} is
     * empty), and each entry of {@code changes.yaml} is also handed, as read, to {@code changeNodes} (so the review
     * state recorded there is read without parsing the file twice).
     */
    public static BundleReader forReview(Consumer<JsonNode> changeNodes) {
        return new BundleReader(false, changeNodes);
    }

    /**
     * Reads and verifies the bundle at {@code root}. The digests are checked and the source files parsed on
     * background threads (at most {@value #WORKERS}) while this thread reads {@code changes.yaml}.
     */
    public Bundle read(Path root) throws BundleException {
        if (!Files.isDirectory(root)) {
            throw new BundleException(root + " is not a folder; give the folder `ferry propose --out` wrote.");
        }
        refuseLinks(root);
        Path manifestFile = root.resolve(BundleLayout.MANIFEST);
        if (!Files.isRegularFile(manifestFile, LinkOption.NOFOLLOW_LINKS)) {
            throw new BundleException(root + " has no " + BundleLayout.MANIFEST + ", so it is not a Ferry bundle.");
        }
        JsonNode manifest = readTree(root, BundleLayout.MANIFEST);
        if (!"ferry-bundle".equals(manifest.path("format").asText())) {
            throw new BundleException(manifestFile + " is not a Ferry bundle manifest (format: ferry-bundle).");
        }
        int version = manifest.path("formatVersion").asInt(-1);
        if (version != BundleLayout.FORMAT_VERSION) {
            throw new BundleException(manifestFile + " has format version " + version + "; this Ferry reads version "
                    + BundleLayout.FORMAT_VERSION + ".");
        }
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS, BundleReader::worker);
        try {
            Future<Bundle.Verification> verification = workers.submit(() -> verify(root, manifest.path("files")));
            List<Future<List<KubeObject>>> sourceParts = readObjectsInParts(workers, root, BundleLayout.SOURCE);
            return read(root, manifest, verification, sourceParts);
        } finally {
            workers.shutdownNow();
        }
    }

    private Bundle read(Path root, JsonNode manifest, Future<Bundle.Verification> verification,
                        List<Future<List<KubeObject>>> sourceParts) throws BundleException {
        MigrationSettings settings;
        try {
            settings = MigrationSettings.of(readTree(root, BundleLayout.SETTINGS));
        } catch (IllegalArgumentException e) {
            throw new BundleException(root.resolve(BundleLayout.SETTINGS) + ": " + e.getMessage(), e);
        }
        List<KubeObject> proposed = parseProposed ? readObjects(root, BundleLayout.PROPOSED) : List.of();
        List<Change> changes = new ArrayList<>();
        int index = 0;
        for (JsonNode node : readTree(root, BundleLayout.CHANGES)) {
            index++;
            changeNodes.accept(node);
            try {
                changes.add(ChangeCodec.fromTree(node));
            } catch (RuntimeException e) {
                throw new BundleException(root.resolve(BundleLayout.CHANGES) + ": change " + index
                        + " cannot be read (" + e.getMessage() + ").", e);
            }
        }
        List<Exclusion> excluded = new ArrayList<>();
        int entry = 0;
        for (JsonNode node : readTree(root, BundleLayout.EXCLUDED)) {
            entry++;
            if (!node.path("resource").isObject() || !node.path("resource").path("kind").isTextual()
                    || !node.path("reason").isTextual()) {
                throw new BundleException(root.resolve(BundleLayout.EXCLUDED) + ": entry " + entry + " is not a "
                        + "mapping with a `resource` (apiVersion, kind, namespace, name) and a `reason`. Restore the "
                        + "file from the original bundle.");
            }
            excluded.add(new Exclusion(ChangeCodec.resource(node.path("resource")), node.path("reason").asText()));
        }
        List<KubeObject> source = new ArrayList<>();
        for (Future<List<KubeObject>> part : sourceParts) {
            source.addAll(result(part));
        }
        return new Bundle(root, manifest, settings, source, proposed, changes, excluded, readArtifacts(root),
                result(verification));
    }

    private static Thread worker(Runnable task) {
        Thread thread = new Thread(task, "ferry-bundle-reader");
        thread.setDaemon(true);
        return thread;
    }

    private static <T> T result(Future<T> future) throws BundleException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BundleException("Reading the bundle was interrupted.", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof BundleException bundle) {
                throw bundle;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Parses a folder of objects as {@value #WORKERS} parts on {@code workers}: the folder's manifest files in the
     * order {@link ManifestReader} walks them, split into consecutive runs, so the objects come out in the same order.
     */
    private static List<Future<List<KubeObject>>> readObjectsInParts(ExecutorService workers, Path root,
                                                                     String folder) throws BundleException {
        Path dir = root.resolve(folder);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> isManifestName(p.getFileName().toString()))
                    .filter(p -> !isHidden(dir.relativize(p)))
                    .sorted()
                    .toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new BundleException("Cannot list " + dir + ": " + e.getMessage(), e);
        }
        List<Future<List<KubeObject>>> parts = new ArrayList<>();
        int size = Math.max(1, (files.size() + WORKERS - 2) / (WORKERS - 1));
        for (int from = 0; from < files.size(); from += size) {
            List<Path> part = files.subList(from, Math.min(files.size(), from + size));
            parts.add(workers.submit(() -> objects(folder, new ManifestReader().read(part))));
        }
        return parts;
    }

    private static boolean isManifestName(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        return lower.endsWith(".yaml") || lower.endsWith(".yml") || lower.endsWith(".json");
    }

    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static Bundle.Verification verify(Path root, JsonNode recorded) throws BundleException {
        List<String> changed = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<String> added = new ArrayList<>(listFiles(root));
        added.remove(BundleLayout.MANIFEST);
        added.removeIf(path -> path.startsWith(BundleLayout.JOURNAL + "/"));
        Iterator<Map.Entry<String, JsonNode>> entries = recorded.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            String relative = entry.getKey();
            Path file = root.resolve(relative).normalize();
            if (!file.startsWith(root.normalize())) {
                throw new BundleException(root.resolve(BundleLayout.MANIFEST) + " lists " + relative
                        + ", which is outside the bundle; the bundle was tampered with.");
            }
            added.remove(relative);
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                missing.add(relative);
                continue;
            }
            try {
                if (!Digests.sha256(Files.readAllBytes(file)).equals(entry.getValue().asText())) {
                    changed.add(relative);
                }
            } catch (IOException e) {
                throw new BundleException("Cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        return new Bundle.Verification(changed, missing, added);
    }

    /**
     * A bundle holds only regular files and folders (packing refuses links too). A link could make reading show, and
     * saving overwrite, a file outside the bundle.
     */
    private static void refuseLinks(Path root) throws BundleException {
        try (Stream<Path> walk = Files.walk(root)) {
            Iterator<Path> paths = walk.iterator();
            while (paths.hasNext()) {
                Path path = paths.next();
                if (!path.equals(root) && Files.isSymbolicLink(path)) {
                    throw new BundleException(root + ": " + root.relativize(path).toString().replace('\\', '/')
                            + " is a symbolic link; a bundle holds only regular files, and Ferry does not follow "
                            + "links out of one. Replace the link with the file from the original bundle.");
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new BundleException("Cannot list " + root + ": " + e.getMessage(), e);
        }
    }

    private static List<String> listFiles(Path root) throws BundleException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(p))
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new BundleException("Cannot list " + root + ": " + e.getMessage(), e);
        }
    }

    private static List<KubeObject> readObjects(Path root, String folder) throws BundleException {
        Path dir = root.resolve(folder);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        return objects(folder, new ManifestReader().read(List.of(dir)));
    }

    private static List<KubeObject> objects(String folder, ManifestSet set) throws BundleException {
        if (!set.problems().isEmpty()) {
            ManifestProblem first = set.problems().get(0);
            throw new BundleException("The bundle's " + folder + "/ has a file that cannot be read: " + first
                    + (set.problems().size() > 1 ? " (and " + (set.problems().size() - 1) + " more)" : "")
                    + ". Restore it from the original bundle or run `ferry propose` again.");
        }
        return set.objects();
    }

    private static Map<String, String> readArtifacts(Path root) throws BundleException {
        Path dir = root.resolve(BundleLayout.ARTIFACTS);
        Map<String, String> artifacts = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return artifacts;
        }
        for (String relative : listFiles(dir)) {
            try {
                artifacts.put(relative, Files.readString(dir.resolve(relative)));
            } catch (IOException e) {
                throw new BundleException("Cannot read artifact " + relative + ": " + e.getMessage(), e);
            }
        }
        return artifacts;
    }

    private static void refuseLongLines(Path file) throws IOException, BundleException {
        byte[] buffer = new byte[64 * 1024];
        long line = 1;
        long length = 0;
        try (java.io.InputStream in = Files.newInputStream(file)) {
            int read;
            while ((read = in.read(buffer)) > 0) {
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        line++;
                        length = 0;
                    } else if (++length > MAX_LINE_BYTES) {
                        throw new BundleException(file + ":" + line + " is longer than " + (MAX_LINE_BYTES >> 20)
                                + " MB, more than any line Ferry writes; the file was not written by Ferry or was "
                                + "altered. Restore it from the original bundle.");
                    }
                }
            }
        }
    }

    /** Reads one YAML file of a bundle, with an error that names it. */
    public static JsonNode readTree(Path root, String name) throws BundleException {
        Path file = root.resolve(name);
        try {
            refuseLongLines(file);
            JsonNode node = BUNDLE_YAML.readTree(file.toFile());
            if (node == null || node.isMissingNode()) {
                throw new BundleException(file + " is empty; restore it from the original bundle.");
            }
            return node;
        } catch (IOException e) {
            throw new BundleException(file + " cannot be read: " + describe(e) + ". Restore it from the original "
                    + "bundle.", e);
        }
    }

    /** The parser's first line, without exception class names; a user needs what is wrong, not whose class said so. */
    private static String describe(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.io.CharConversionException || t instanceof java.nio.charset.CharacterCodingException) {
                return "it is not valid UTF-8 text (a binary file, or text saved in another encoding)";
            }
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse("")
                .replaceAll("(?:[a-zA-Z_$][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error): ?", "").strip();
    }
}
