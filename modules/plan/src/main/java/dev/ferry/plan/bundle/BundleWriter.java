package dev.ferry.plan.bundle;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.engine.Artifact;
import dev.ferry.engine.Change;
import dev.ferry.model.KubeObject;
import dev.ferry.model.ResourceKey;
import dev.ferry.model.io.ManifestProblem;
import dev.ferry.model.io.Yaml;
import dev.ferry.model.sanitize.Exclusion;
import dev.ferry.plan.report.MarkdownReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
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

    /** Writes the bundle and returns the number of files it holds. */
    public int write(BundleContent content, Path target) throws BundleException {
        Path absolute = target.toAbsolutePath().normalize();
        checkTarget(absolute);
        Path parent = absolute.getParent();
        Path temporary = parent.resolve("." + absolute.getFileName() + ".tmp-" + UUID.randomUUID());
        try {
            Files.createDirectories(parent);
            Map<String, byte[]> files = render(content);
            Map<String, String> digests = writeAll(temporary, files);
            byte[] manifest = manifest(content, digests).getBytes(StandardCharsets.UTF_8);
            Files.write(temporary.resolve(BundleLayout.MANIFEST), manifest);
            replace(temporary, absolute);
            return files.size() + 1;
        } catch (IOException | UncheckedIOException e) {
            deleteQuietly(temporary);
            throw new BundleException("Cannot write the bundle to " + target + ": " + rootMessage(e)
                    + ". Check the folder is writable and the disk has space; nothing was written.", e);
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

    private static Map<String, byte[]> render(BundleContent content) {
        Map<String, byte[]> files = new TreeMap<>();
        var proposal = content.proposal();
        files.put(BundleLayout.SETTINGS, utf8(Yaml.write(content.settings().tree())));
        Map<KubeObject, byte[]> rendered = renderAll(proposal.source(), proposal.proposed());
        putObjects(files, BundleLayout.SOURCE, proposal.source(), rendered);
        putObjects(files, BundleLayout.PROPOSED, proposal.proposed(), rendered);
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
        files.put(BundleLayout.REPORT, utf8(new MarkdownReport().render(content)));
        return files;
    }

    /**
     * Serializes every object once, in parallel. A portable object is the same instance in source and proposed, so
     * identity keys let both files share one rendering.
     */
    private static Map<KubeObject, byte[]> renderAll(List<KubeObject> source, List<KubeObject> proposed) {
        Map<KubeObject, byte[]> rendered = new java.util.IdentityHashMap<>();
        java.util.stream.Stream.concat(source.stream(), proposed.stream())
                .distinct()
                .parallel()
                .map(o -> Map.entry(o, utf8(Yaml.write(o.body()))))
                .toList()
                .forEach(e -> rendered.put(e.getKey(), e.getValue()));
        return rendered;
    }

    private static void putObjects(Map<String, byte[]> files, String folder, List<KubeObject> objects,
                                   Map<KubeObject, byte[]> rendered) {
        Map<String, Integer> plainPaths = new HashMap<>();
        for (KubeObject object : objects) {
            plainPaths.merge(BundleLayout.objectPath(object.key(), false), 1, Integer::sum);
        }
        for (KubeObject object : objects) {
            ResourceKey key = object.key();
            boolean qualify = plainPaths.get(BundleLayout.objectPath(key, false)) > 1;
            files.put(folder + "/" + BundleLayout.objectPath(key, qualify), rendered.get(object));
        }
    }

    private static Map<String, String> writeAll(Path root, Map<String, byte[]> files) throws IOException {
        Files.createDirectories(root);
        files.keySet().stream().map(p -> root.resolve(p).getParent()).distinct().forEach(dir -> {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        Map<String, String> digests = new ConcurrentHashMap<>();
        files.entrySet().parallelStream().forEach(entry -> {
            try {
                Files.write(root.resolve(entry.getKey()), entry.getValue());
                digests.put(entry.getKey(), Digests.sha256(entry.getValue()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return new TreeMap<>(digests);
    }

    private static String manifest(BundleContent content, Map<String, String> digests) {
        ObjectNode manifest = NODES.objectNode();
        manifest.put("format", "ferry-bundle");
        manifest.put("formatVersion", BundleLayout.FORMAT_VERSION);
        manifest.put("direction", content.settings().direction().id());
        manifest.put("source", content.source());
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
        if (!Files.exists(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
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
