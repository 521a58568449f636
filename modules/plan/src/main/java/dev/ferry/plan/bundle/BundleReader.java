package dev.ferry.plan.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.engine.Change;
import dev.ferry.engine.settings.MigrationSettings;
import dev.ferry.model.KubeObject;
import dev.ferry.model.io.ManifestProblem;
import dev.ferry.model.io.ManifestReader;
import dev.ferry.model.io.ManifestSet;
import dev.ferry.model.io.ReadLimits;
import dev.ferry.model.sanitize.Exclusion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
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
    /** Threads that verify digests and parse the source files and {@code changes.yaml}: one per core, at least 2. */
    private static final int WORKERS = Math.max(2, Runtime.getRuntime().availableProcessors());
    /** Parts the source files and {@code changes.yaml} are each parsed in: enough to keep every worker busy. */
    private static final int PARTS = 2 * WORKERS;

    private static com.fasterxml.jackson.databind.ObjectMapper bundleYaml() {
        org.yaml.snakeyaml.LoaderOptions options = new org.yaml.snakeyaml.LoaderOptions();
        options.setCodePointLimit(MAX_FILE_CODE_POINTS);
        return new com.fasterxml.jackson.databind.ObjectMapper(
                com.fasterxml.jackson.dataformat.yaml.YAMLFactory.builder().loaderOptions(options).build());
    }

    private final boolean parseProposed;
    private final Consumer<JsonNode> changeNodes;
    private final DoubleConsumer progress;

    /** A reader of the whole bundle. */
    public BundleReader() {
        this(true, node -> { }, done -> { });
    }

    private BundleReader(boolean parseProposed, Consumer<JsonNode> changeNodes, DoubleConsumer progress) {
        this.parseProposed = parseProposed;
        this.changeNodes = changeNodes;
        this.progress = progress;
    }

    /**
     * A reader for a review, which derives the proposed objects from the source and the changes itself: the files
     * under {@code proposed/} are still checked against their digests but not parsed ({@link Bundle#proposed()} is
     * empty), and each entry of {@code changes.yaml} is also handed, as read, to {@code changeNodes} (so the review
     * state recorded there is read without parsing the file twice).
     */
    public static BundleReader forReview(Consumer<JsonNode> changeNodes) {
        return forReview(changeNodes, done -> { });
    }

    /**
     * {@link #forReview(Consumer)}, telling {@code progress} how much of the reading is done (0 to 1) as its parts
     * finish, from the threads that read them.
     */
    public static BundleReader forReview(Consumer<JsonNode> changeNodes, DoubleConsumer progress) {
        return new BundleReader(false, changeNodes, progress);
    }

    /**
     * Reads and verifies the bundle at {@code root}. The digests are checked, and the source files and
     * {@code changes.yaml} parsed in parts, on background threads (one per core, at least two) while this thread reads
     * {@code bundle.yaml} and {@code settings.yaml}.
     */
    public Bundle read(Path root) throws BundleException {
        if (!Files.isDirectory(root)) {
            throw new BundleException(root + " is not a folder; give the folder `ferry propose --out` wrote.");
        }
        Path manifestFile = root.resolve(BundleLayout.MANIFEST);
        if (!Files.isRegularFile(manifestFile, LinkOption.NOFOLLOW_LINKS)) {
            throw new BundleException(root + " has no " + BundleLayout.MANIFEST + ", so it is not a Ferry bundle.");
        }
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS, BundleReader::worker);
        Parts workers = new Parts(pool, progress);
        try {
            // changes.yaml is the largest part of the work and needs no listing: it starts while this thread lists
            List<Future<ChangePart>> changeParts = readChangesInParts(workers, root);
            List<Path> files = listRefusingLinks(root);
            List<Path> sourceFiles = sourceFiles(root, files);
            List<Future<SourcePart>> sourceParts = readObjectsInParts(workers, root, sourceFiles);
            List<Future<OtherPart>> otherParts = digestInParts(workers, root, files, sourceFiles);
            workers.allSubmitted();
            JsonNode manifest = readTree(root, BundleLayout.MANIFEST);
            if (!"ferry-bundle".equals(manifest.path("format").asText())) {
                throw new BundleException(manifestFile + " is not a Ferry bundle manifest (format: ferry-bundle).");
            }
            int version = manifest.path("formatVersion").asInt(-1);
            if (version != BundleLayout.FORMAT_VERSION) {
                throw new BundleException(manifestFile + " has format version " + version + "; this Ferry reads "
                        + "version " + BundleLayout.FORMAT_VERSION + ".");
            }
            return read(root, manifest, files, sourceParts, changeParts, otherParts);
        } finally {
            pool.shutdownNow();
        }
    }

    private Bundle read(Path root, JsonNode manifest, List<Path> files, List<Future<SourcePart>> sourceParts,
                        List<Future<ChangePart>> changeParts, List<Future<OtherPart>> otherParts)
            throws BundleException {
        MigrationSettings settings;
        try {
            settings = MigrationSettings.of(readTree(root, BundleLayout.SETTINGS));
        } catch (IllegalArgumentException e) {
            throw new BundleException(root.resolve(BundleLayout.SETTINGS) + ": " + e.getMessage(), e);
        }
        List<KubeObject> proposed = parseProposed ? readObjects(root, BundleLayout.PROPOSED) : List.of();
        List<Change> changes = new ArrayList<>();
        int index = 0;
        for (ChangePart part : changes(root, changeParts)) {
            int inPart = 0;
            for (JsonNode node : part.entries()) {
                index++;
                changeNodes.accept(node);
                if (inPart++ == part.failedAt()) {
                    throw new BundleException(root.resolve(BundleLayout.CHANGES) + ": change " + index
                            + " cannot be read (" + part.failure().getMessage() + ").", part.failure());
                }
            }
            changes.addAll(part.changes());
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
        Map<String, String> digests = new HashMap<>();
        for (Future<SourcePart> part : sourceParts) {
            SourcePart read = result(part);
            source.addAll(read.objects());
            digests.putAll(read.digests());
        }
        Map<String, String> artifacts = new TreeMap<>();
        for (Future<OtherPart> part : otherParts) {
            OtherPart read = result(part);
            digests.putAll(read.digests());
            artifacts.putAll(read.artifacts());
        }
        Bundle.Verification verification = verify(root, manifest.path("files"), files, digests);
        return new Bundle(root, manifest, settings, source, proposed, changes, excluded, artifacts, verification);
    }

    /** The workers, counting the parts they finish so a long read can say how far it is. */
    private static final class Parts {
        private final ExecutorService workers;
        private final DoubleConsumer progress;
        private int submitted;
        private int done;
        /** The most a read submits (the split of changes.yaml, then its runs, the source and the other files). */
        private int expected = 1 + 3 * PARTS;
        private double reported;

        Parts(ExecutorService workers, DoubleConsumer progress) {
            this.workers = workers;
            this.progress = progress;
        }

        synchronized <T> Future<T> submit(Callable<T> part) {
            submitted++;
            return workers.submit(() -> {
                try {
                    return part.call();
                } finally {
                    finished();
                }
            });
        }

        /** Every part is submitted: from now on the parts done are counted against how many there really are. */
        synchronized void allSubmitted() {
            expected = submitted;
            report();
        }

        private synchronized void finished() {
            done++;
            report();
        }

        /** Only forward: parts finish on several threads, and the count shrinks to the real one at the end. */
        private void report() {
            double now = expected == 0 ? 1 : Math.min(1.0, done / (double) expected);
            if (now > reported) {
                reported = now;
                progress.accept(now);
            }
        }
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

    /** The objects of a run of source files, and each file's digest, taken from the bytes that were parsed. */
    private record SourcePart(List<KubeObject> objects, Map<String, String> digests) {
    }

    /**
     * Parses the source files in {@link #PARTS} parts on {@code workers}: the manifest files under {@code source/} in
     * path order, split into consecutive runs, so the objects come out in the same order.
     */
    private static List<Future<SourcePart>> readObjectsInParts(Parts workers, Path root,
                                                               List<Path> sourceFiles) {
        return inParts(sourceFiles).stream().map(part -> workers.submit(() -> readSourcePart(root, part))).toList();
    }

    /** {@code files} as at most {@link #PARTS} consecutive runs of about equal length. */
    private static List<List<Path>> inParts(List<Path> files) {
        List<List<Path>> parts = new ArrayList<>();
        int size = Math.max(1, (files.size() + PARTS - 1) / PARTS);
        for (int from = 0; from < files.size(); from += size) {
            parts.add(files.subList(from, Math.min(files.size(), from + size)));
        }
        return parts;
    }

    private static List<Path> sourceFiles(Path root, List<Path> bundleFiles) {
        Path dir = root.resolve(BundleLayout.SOURCE);
        return bundleFiles.stream()
                .filter(p -> p.startsWith(dir))
                .filter(p -> isManifestName(p.getFileName().toString()))
                .filter(p -> !isHidden(dir.relativize(p)))
                .toList();
    }

    private static SourcePart readSourcePart(Path root, List<Path> files) throws BundleException {
        ManifestReader reader = new ManifestReader();
        List<KubeObject> objects = new ArrayList<>();
        List<ManifestProblem> problems = new ArrayList<>();
        Map<String, String> digests = new HashMap<>();
        for (Path file : files) {
            ManifestSet set;
            try {
                if (Files.size(file) > ReadLimits.defaults().maxFileBytes()) {
                    set = reader.read(List.of(file)); // names the limit without reading the file
                } else {
                    byte[] bytes = Files.readAllBytes(file);
                    digests.put(relative(root, file), Digests.sha256(bytes));
                    set = reader.readBytes(file.toString(), bytes);
                }
            } catch (IOException e) {
                set = new ManifestSet(List.of(), List.of(new ManifestProblem(file.toString(), 0, 0,
                        "cannot be read: " + e.getMessage())), 1);
            }
            objects.addAll(set.objects());
            problems.addAll(set.problems());
        }
        return new SourcePart(objects(BundleLayout.SOURCE, new ManifestSet(objects, problems, files.size())),
                digests);
    }

    /** The digests of a run of the bundle's other files, and the text of the artifacts among them. */
    private record OtherPart(Map<String, String> digests, Map<String, String> artifacts) {
    }

    /**
     * The digests of the bundle's other files (the source files are digested as they are parsed), in {@link #PARTS}
     * parts on {@code workers}, with the artifacts' text from the same bytes. {@code bundle.yaml} holds the digests
     * and the journal is written after them, so neither is digested.
     */
    private static List<Future<OtherPart>> digestInParts(Parts workers, Path root, List<Path> bundleFiles,
                                                         List<Path> sourceFiles) {
        java.util.Set<Path> source = new java.util.HashSet<>(sourceFiles);
        Path journal = root.resolve(BundleLayout.JOURNAL);
        Path manifest = root.resolve(BundleLayout.MANIFEST);
        List<Path> files = bundleFiles.stream()
                .filter(p -> !source.contains(p) && !p.equals(manifest) && !p.startsWith(journal))
                .toList();
        return inParts(files).stream().map(part -> workers.submit(() -> readOtherPart(root, part))).toList();
    }

    private static OtherPart readOtherPart(Path root, List<Path> files) throws BundleException {
        Path artifactsDir = root.resolve(BundleLayout.ARTIFACTS);
        Map<String, String> digests = new HashMap<>();
        Map<String, String> artifacts = new HashMap<>();
        for (Path file : files) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (IOException e) {
                throw new BundleException("Cannot read " + file + ": " + e.getMessage(), e);
            }
            digests.put(relative(root, file), Digests.sha256(bytes));
            if (file.startsWith(artifactsDir)) {
                String relative = relative(artifactsDir, file);
                try {
                    artifacts.put(relative, java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                            .decode(java.nio.ByteBuffer.wrap(bytes)).toString());
                } catch (java.nio.charset.CharacterCodingException e) {
                    throw new BundleException("Cannot read artifact " + relative + ": it is not valid UTF-8 text.", e);
                }
            }
        }
        return new OtherPart(digests, artifacts);
    }

    /**
     * A run of {@code changes.yaml}'s entries and the changes read from them; {@code failedAt} is the index in the
     * run of the first entry that is not a change (-1 when all are), with why.
     */
    private record ChangePart(JsonNode entries, List<Change> changes, int failedAt, RuntimeException failure) {

        static ChangePart of(JsonNode entries) {
            List<Change> changes = new ArrayList<>(entries.size());
            int index = 0;
            for (JsonNode entry : entries) {
                try {
                    changes.add(ChangeCodec.fromTree(entry));
                } catch (RuntimeException e) {
                    return new ChangePart(entries, changes, index, e);
                }
                index++;
            }
            return new ChangePart(entries, changes, -1, null);
        }
    }

    /**
     * Parses {@code changes.yaml}, which holds one YAML sequence, as runs of entries on {@code workers}
     * ({@link SequenceSplitter}), each run read into changes where it was parsed. Empty when the file is missing or
     * too large to hold in memory: {@link #changes} then reads it whole and says what is wrong.
     */
    private static List<Future<ChangePart>> readChangesInParts(Parts workers, Path root) {
        Path file = root.resolve(BundleLayout.CHANGES);
        List<Future<ChangePart>> parts = new ArrayList<>();
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) > Integer.MAX_VALUE / 4) {
                return parts;
            }
        } catch (IOException e) {
            return parts;
        }
        Future<List<String>> runs = workers.submit(() -> {
            byte[] bytes = Files.readAllBytes(file);
            refuseLongLines(file, bytes);
            String text = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            return SequenceSplitter.split(text, PARTS);
        });
        for (int i = 0; i < PARTS; i++) {
            int run = i;
            parts.add(workers.submit(() -> {
                List<String> texts = runs.get();
                if (run >= texts.size()) {
                    return null;
                }
                JsonNode entries = BUNDLE_YAML.readTree(texts.get(run));
                return entries != null && entries.isArray() ? ChangePart.of(entries) : new ChangePart(entries,
                        List.of(), -1, null);
            }));
        }
        return parts;
    }

    /**
     * The runs of {@code changes.yaml}, in order. When any part failed (a malformed file, or a cut inside a quoted
     * string), the file is read whole on this thread, so the error names it and its line as a single read would.
     */
    private static List<ChangePart> changes(Path root, List<Future<ChangePart>> parts) throws BundleException {
        List<ChangePart> runs = new ArrayList<>();
        try {
            for (Future<ChangePart> part : parts) {
                ChangePart run = part.get();
                if (run == null) {
                    continue;
                }
                if (run.entries() == null || !run.entries().isArray()) {
                    return List.of(ChangePart.of(readTree(root, BundleLayout.CHANGES)));
                }
                runs.add(run);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BundleException("Reading the bundle was interrupted.", e);
        } catch (ExecutionException e) {
            return List.of(ChangePart.of(readTree(root, BundleLayout.CHANGES)));
        }
        return parts.isEmpty() ? List.of(ChangePart.of(readTree(root, BundleLayout.CHANGES))) : runs;
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

    /** Compares the recorded digests with those of the files as read ({@code digests}, by relative path). */
    private static Bundle.Verification verify(Path root, JsonNode recorded, List<Path> files,
                                              Map<String, String> digests) throws BundleException {
        List<String> changed = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        java.util.Set<String> added = new java.util.LinkedHashSet<>(relative(root, files));
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
            String actual = digests.get(relative);
            if (actual == null) { // an entry not spelled as the listing spells it, or a file that is not there
                if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    missing.add(relative);
                    continue;
                }
                try {
                    actual = Digests.sha256(Files.readAllBytes(file));
                } catch (IOException e) {
                    throw new BundleException("Cannot read " + file + ": " + e.getMessage(), e);
                }
            }
            if (!actual.equals(entry.getValue().asText())) {
                changed.add(relative);
            }
        }
        return new Bundle.Verification(changed, missing, new ArrayList<>(added));
    }

    /**
     * Every file of the bundle, in path order, from one walk. A bundle holds only regular files and folders (packing
     * refuses links too): a link could make reading show, and saving overwrite, a file outside the bundle, so one is
     * refused.
     */
    private static List<Path> listRefusingLinks(Path root) throws BundleException {
        List<Path> files = new ArrayList<>();
        List<Path> links = new ArrayList<>();
        try {
            // one lstat per entry, from the walk itself
            Files.walkFileTree(root, new java.nio.file.SimpleFileVisitor<>() {
                @Override
                public java.nio.file.FileVisitResult visitFile(Path file,
                                                               java.nio.file.attribute.BasicFileAttributes attributes) {
                    if (attributes.isSymbolicLink()) {
                        links.add(file);
                        return java.nio.file.FileVisitResult.TERMINATE;
                    }
                    if (attributes.isRegularFile()) {
                        files.add(file);
                    }
                    return java.nio.file.FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new BundleException("Cannot list " + root + ": " + e.getMessage(), e);
        }
        if (!links.isEmpty()) {
            throw new BundleException(root + ": " + relative(root, links.get(0)) + " is a symbolic link; a bundle "
                    + "holds only regular files, and Ferry does not follow links out of one. Replace the link with "
                    + "the file from the original bundle.");
        }
        files.sort(null);
        return files;
    }

    /** The files' paths relative to {@code folder}, with forward slashes, in the order given. */
    private static List<String> relative(Path folder, List<Path> files) {
        return files.stream().map(p -> relative(folder, p)).toList();
    }

    private static String relative(Path folder, Path file) {
        return folder.relativize(file).toString().replace('\\', '/');
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

    private static void refuseLongLines(Path file, byte[] bytes) throws BundleException {
        long line = 1;
        long length = 0;
        for (byte b : bytes) {
            if (b == '\n') {
                line++;
                length = 0;
            } else if (++length > MAX_LINE_BYTES) {
                throw longLine(file, line);
            }
        }
    }

    private static BundleException longLine(Path file, long line) {
        return new BundleException(file + ":" + line + " is longer than " + (MAX_LINE_BYTES >> 20)
                + " MB, more than any line Ferry writes; the file was not written by Ferry or was "
                + "altered. Restore it from the original bundle.");
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
                        throw longLine(file, line);
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
