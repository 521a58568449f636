package dev.ferry.plan.bundle;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.engine.Artifact;
import dev.ferry.engine.Change;
import dev.ferry.model.KubeObject;
import dev.ferry.model.ResourceKey;
import dev.ferry.model.io.FileTrees;
import dev.ferry.model.io.ManifestProblem;
import dev.ferry.model.io.Yaml;
import dev.ferry.model.sanitize.Exclusion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes a bundle as DESIGN.md lays it out. Writing is atomic: everything goes to a temporary folder beside the
 * target, which replaces the target only when complete, so a failed run leaves no half bundle and an older bundle
 * at the same place survives until the new one is whole.
 */
public final class BundleWriter {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ReportRenderer reportRenderer;

    /** @param reportRenderer writes {@code report.md} (the report module's {@code ProposeReport}) */
    public BundleWriter(ReportRenderer reportRenderer) {
        this.reportRenderer = reportRenderer;
    }

    /** Writes the bundle and returns the number of files it holds. */
    public int write(BundleContent content, Path target) throws BundleException {
        Path absolute = target.toAbsolutePath().normalize();
        checkTarget(absolute);
        Path parent = absolute.getParent();
        Path temporary = parent.resolve("." + absolute.getFileName() + ".tmp-" + UUID.randomUUID());
        boolean done = false;
        try {
            Files.createDirectories(parent);
            Map<String, String> digests = new ConcurrentHashMap<>();
            writeObjects(temporary, content.proposal().source(), content.proposal().proposed(), digests);
            writeAll(temporary, render(content, absolute.getFileName().toString()), digests);
            byte[] manifest = manifest(content, new TreeMap<>(digests)).getBytes(StandardCharsets.UTF_8);
            Files.write(temporary.resolve(BundleLayout.MANIFEST), manifest);
            keepJournal(absolute, temporary);
            try {
                replace(temporary, absolute);
            } catch (IOException e) {
                keepJournal(temporary, absolute);
                throw e;
            }
            done = true;
            return digests.size() + 1;
        } catch (IOException | UncheckedIOException e) {
            throw new BundleException("Cannot write the bundle to " + target + ": " + rootMessage(e)
                    + ". Check the folder is writable and the disk has space; nothing was written.", e);
        } finally {
            if (!done) {
                deleteQuietly(temporary);
            }
        }
    }

    /**
     * The journal records what apply did to a live cluster; proposing again must not lose it, or resume and rollback
     * of a wave already applied would be impossible. It moves into the new bundle before the swap.
     */
    private static void keepJournal(Path target, Path temporary) throws IOException {
        Path journal = target.resolve(BundleLayout.JOURNAL);
        if (Files.isDirectory(journal)) {
            move(journal, temporary.resolve(BundleLayout.JOURNAL));
        }
    }

    private static void checkTarget(Path target) throws BundleException {
        if (Files.isRegularFile(target)) {
            throw new BundleException(target + " is a file; give --out a folder for the bundle.");
        }
        if (Files.isDirectory(target) && !Files.exists(target.resolve(BundleLayout.MANIFEST))) {
            try (var entries = Files.list(target)) {
                if (entries.findAny().isPresent()) {
                    throw new BundleException(target + " exists and is not a Ferry bundle; choose an empty or new "
                            + "folder for --out so nothing of yours is overwritten.");
                }
            } catch (IOException e) {
                throw new BundleException("Cannot read " + target + ": " + e.getMessage(), e);
            }
        }
    }

    private Map<String, byte[]> render(BundleContent content, String bundleName) {
        Map<String, byte[]> files = new TreeMap<>();
        var proposal = content.proposal();
        files.put(BundleLayout.SETTINGS, utf8(Yaml.write(content.settings().tree())));
        ArrayNode changes = NODES.arrayNode();
        for (Change change : proposal.changes()) {
            changes.add(ChangeCodec.toTree(change));
        }
        files.put(BundleLayout.CHANGES, utf8(Yaml.write(changes)));
        ArrayNode excluded = NODES.arrayNode();
        for (Exclusion exclusion : proposal.excluded()) {
            ObjectNode node = excluded.addObject();
            node.set("resource", ChangeCodec.resource(exclusion.resource()));
            node.put("reason", exclusion.reason());
        }
        files.put(BundleLayout.EXCLUDED, utf8(Yaml.write(excluded)));
        for (Artifact artifact : proposal.artifacts()) {
            files.put(BundleLayout.ARTIFACTS + "/" + artifact.path(), utf8(artifact.content()));
        }
        files.put(BundleLayout.REPORT, utf8(reportRenderer.render(content, bundleName)));
        return files;
    }

    /**
     * Writes {@code source/} and {@code proposed/}, rendering each object as it is written so the bundle never sits in
     * memory whole. A portable object is the same instance in both lists and is rendered once for both files.
     */
    private static void writeObjects(Path root, List<KubeObject> source, List<KubeObject> proposed,
                                     Map<String, String> digests) {
        Map<KubeObject, List<String>> targets = new java.util.IdentityHashMap<>();
        addTargets(targets, BundleLayout.SOURCE, source);
        addTargets(targets, BundleLayout.PROPOSED, proposed);
        createParents(root, targets.values().stream().flatMap(List::stream).toList());
        targets.entrySet().parallelStream().forEach(entry -> {
            byte[] bytes = utf8(Yaml.write(entry.getKey().body()));
            String digest = Digests.sha256(bytes);
            for (String path : entry.getValue()) {
                write(root.resolve(path), bytes);
                digests.put(path, digest);
            }
        });
    }

    private static void addTargets(Map<KubeObject, List<String>> targets, String folder, List<KubeObject> objects) {
        Map<ResourceKey, String> paths = BundleLayout.objectPaths(objects.stream().map(KubeObject::key).toList());
        for (KubeObject object : objects) {
            targets.computeIfAbsent(object, o -> new ArrayList<>(2)).add(folder + "/" + paths.get(object.key()));
        }
    }

    private static void createParents(Path root, List<String> paths) {
        paths.stream().map(p -> root.resolve(p).getParent()).distinct().forEach(dir -> {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeAll(Path root, Map<String, byte[]> files, Map<String, String> digests) {
        createParents(root, List.copyOf(files.keySet()));
        files.entrySet().parallelStream().forEach(entry -> {
            write(root.resolve(entry.getKey()), entry.getValue());
            digests.put(entry.getKey(), Digests.sha256(entry.getValue()));
        });
    }

    private static String manifest(BundleContent content, Map<String, String> digests) {
        ObjectNode manifest = NODES.objectNode();
        manifest.put("format", "ferry-bundle");
        manifest.put("formatVersion", BundleLayout.FORMAT_VERSION);
        manifest.put("direction", content.settings().direction().id());
        manifest.put("source", content.source());
        if (content.sourceCluster() != null) {
            content.sourceCluster().writeTo(manifest);
        }
        ObjectNode tool = manifest.putObject("tool");
        tool.put("name", "ferry");
        tool.put("version", content.toolVersion());
        manifest.put("created", content.created().toString());
        ObjectNode counts = manifest.putObject("counts");
        counts.put("source", content.proposal().source().size());
        counts.put("proposed", content.proposal().proposed().size());
        counts.put("changes", content.proposal().changes().size());
        counts.put("excluded", content.proposal().excluded().size());
        ArrayNode problems = manifest.putArray("inputProblems");
        for (ManifestProblem problem : content.inputProblems()) {
            problems.add(problem.toString());
        }
        ObjectNode files = manifest.putObject("files");
        digests.forEach(files::put);
        return Yaml.write(manifest);
    }

    private static void replace(Path temporary, Path target) throws IOException {
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
            deleteQuietly(old);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    static void deleteQuietly(Path root) {
        try {
            FileTrees.delete(root);
        } catch (IOException ignored) {
            // best effort: a leftover temporary folder is named .<bundle>.tmp-* and harmless
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : " " + cause.getMessage());
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
