package dev.ferry.model.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.model.KubeObject;
import dev.ferry.model.Origin;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Reads Kubernetes manifests from files and folders: multi-document YAML, {@code kind: List}, JSON, CRLF, files with
 * only comments. Every document is parsed on its own, so one bad document is reported and the others are still read.
 *
 * <p>Thread-safe: the reader holds only its limits and immutable mappers.
 */
public final class ManifestReader {

    private final ReadLimits limits;
    private final YamlTreeReader yaml;
    private final ObjectMapper json;

    public ManifestReader() {
        this(ReadLimits.defaults());
    }

    public ManifestReader(ReadLimits limits) {
        this.limits = limits;
        this.yaml = new YamlTreeReader(limits);
        this.json = Yaml.boundedJson(limits);
    }

    /** Reads every input: a file, or a folder searched recursively for {@code *.yaml}, {@code *.yml}, {@code *.json}. */
    public ManifestSet read(List<Path> inputs) {
        List<KubeObject> objects = new ArrayList<>();
        List<ManifestProblem> problems = new ArrayList<>();
        int files = 0;
        for (Path input : inputs) {
            if (!Files.exists(input)) {
                problems.add(new ManifestProblem(input.toString(), 0, 0,
                        "does not exist. Check the path, or give a folder of manifests."));
                continue;
            }
            for (Path file : manifestFiles(input, problems)) {
                files++;
                readFile(file, objects, problems);
            }
        }
        return new ManifestSet(objects, problems, files);
    }

    /** Reads text that came from somewhere other than a file (a test, a paste in the app). */
    public ManifestSet readText(String name, String text) {
        List<KubeObject> objects = new ArrayList<>();
        List<ManifestProblem> problems = new ArrayList<>();
        parseText(name, text, isJson(name), objects, problems);
        return new ManifestSet(objects, problems, 1);
    }

    private static List<Path> manifestFiles(Path input, List<ManifestProblem> problems) {
        if (!Files.isDirectory(input)) {
            return List.of(input);
        }
        try (Stream<Path> walk = Files.walk(input)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> isManifestName(p.getFileName().toString()))
                    .filter(p -> !isHidden(input.relativize(p)))
                    .sorted()
                    .toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            problems.add(new ManifestProblem(input.toString(), 0, 0, "cannot list the folder: " + e.getMessage()));
            return List.of();
        }
    }

    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    static boolean isManifestName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".yaml") || lower.endsWith(".yml") || lower.endsWith(".json");
    }

    private static boolean isJson(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".json");
    }

    private void readFile(Path file, List<KubeObject> objects, List<ManifestProblem> problems) {
        String name = file.toString();
        try {
            long size = Files.size(file);
            if (size > limits.maxFileBytes()) {
                problems.add(new ManifestProblem(name, 0, 0, String.format(Locale.ROOT,
                        "is %,d bytes, more than the %,d byte limit for one file; split it or check it is a manifest",
                        size, limits.maxFileBytes())));
                return;
            }
            parseBytes(name, Files.readAllBytes(file), objects, problems);
        } catch (IOException e) {
            problems.add(new ManifestProblem(name, 0, 0, "cannot be read: " + e.getMessage()));
        }
    }

    /**
     * Reads a file's content that the caller has already read, under the name to report it by; a bundle reader
     * digests the same bytes, so each file is read from disk once.
     */
    public ManifestSet readBytes(String name, byte[] bytes) {
        List<KubeObject> objects = new ArrayList<>();
        List<ManifestProblem> problems = new ArrayList<>();
        if (bytes.length > limits.maxFileBytes()) {
            problems.add(new ManifestProblem(name, 0, 0, String.format(Locale.ROOT,
                    "is %,d bytes, more than the %,d byte limit for one file; split it or check it is a manifest",
                    (long) bytes.length, limits.maxFileBytes())));
        } else {
            parseBytes(name, bytes, objects, problems);
        }
        return new ManifestSet(objects, problems, 1);
    }

    private void parseBytes(String name, byte[] bytes, List<KubeObject> objects, List<ManifestProblem> problems) {
        String text = decode(bytes, name, problems);
        if (text != null) {
            parseText(name, text, isJson(name), objects, problems);
        }
    }

    private static String decode(byte[] bytes, String name, List<ManifestProblem> problems) {
        int sample = Math.min(bytes.length, 8192);
        for (int i = 0; i < sample; i++) {
            if (bytes[i] == 0) {
                problems.add(new ManifestProblem(name, 0, 0,
                        "is a binary file, not YAML or JSON text; remove it from the input"));
                return null;
            }
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            int line = lineOfFirstInvalidByte(bytes);
            problems.add(new ManifestProblem(name, 0, line,
                    "is not valid UTF-8 text; save it as UTF-8 and try again"));
            return null;
        }
    }

    private static int lineOfFirstInvalidByte(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int line = 1;
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                try {
                    decoder.reset().decode(ByteBuffer.wrap(bytes, start, i - start));
                } catch (CharacterCodingException e) {
                    return line;
                }
                line++;
                start = i + 1;
            }
        }
        return 0;
    }

    private void parseText(String name, String rawText, boolean jsonFile,
                           List<KubeObject> objects, List<ManifestProblem> problems) {
        String text = rawText.indexOf('\r') >= 0 ? rawText.replace("\r\n", "\n").replace('\r', '\n') : rawText;
        if (jsonFile && !text.isBlank()) {
            parseDocument(name, 1, 1, text, true, objects, problems);
            return;
        }
        List<DocumentSplitter.Chunk> chunks = DocumentSplitter.split(text);
        for (DocumentSplitter.Chunk chunk : chunks) {
            if (chunk.problem() != null) {
                problems.add(new ManifestProblem(name, chunk.number(), chunk.problemLine(), chunk.problem()));
            } else if (!chunk.blank()) {
                parseDocument(name, chunk.number(), chunk.startLine(), chunk.text(), false, objects, problems);
            }
        }
    }

    private void parseDocument(String file, int document, int startLine, String text, boolean isJson,
                               List<KubeObject> objects, List<ManifestProblem> problems) {
        if (text.length() > limits.maxDocumentChars()) {
            problems.add(new ManifestProblem(file, document, startLine, String.format(Locale.ROOT,
                    "document is %,d characters, more than the %,d limit for one document",
                    text.length(), limits.maxDocumentChars())));
            return;
        }
        JsonNode node;
        try {
            node = isJson ? json.readTree(text) : yaml.read(text);
        } catch (YamlTreeReader.YamlReadException e) {
            problems.add(new ManifestProblem(file, document, e.line() == 0 ? startLine : startLine - 1 + e.line(),
                    e.getMessage()));
            return;
        } catch (JsonProcessingException e) {
            problems.add(new ManifestProblem(file, document, startLine - 1 + lineOf(e),
                    ParseMessages.describe(e)));
            return;
        } catch (RuntimeException e) {
            // snakeyaml reports some limits (aliases, code points, depth) as unchecked exceptions
            problems.add(new ManifestProblem(file, document, startLine, ParseMessages.describe(e)));
            return;
        } catch (StackOverflowError e) {
            problems.add(new ManifestProblem(file, document, startLine,
                    "document is nested too deeply to read; flatten it or check it is a manifest"));
            return;
        }
        if (node == null || node.isNull() || node.isMissingNode()) {
            return;
        }
        Origin origin = new Origin(file, document, startLine);
        if (node.isArray()) {
            addItems(node, null, file, document, startLine, origin, objects, problems);
            return;
        }
        if (isList(node)) {
            addItems(node.path("items"), node, file, document, startLine, origin, objects, problems);
            return;
        }
        String notObject = whyNotObject(node);
        if (notObject != null) {
            problems.add(new ManifestProblem(file, document, startLine, notObject));
            return;
        }
        objects.add(KubeObject.of((ObjectNode) node, origin));
    }

    /** {@code kind: List}, and typed lists such as {@code ConfigMapList} from {@code kubectl get -o yaml}. */
    private static boolean isList(JsonNode node) {
        String kind = node.path("kind").asText("");
        return kind.endsWith("List") && node.path("items").isArray() && node.path("metadata").path("name").isMissingNode();
    }

    private static void addItems(JsonNode items, JsonNode list, String file, int document, int startLine,
                                 Origin origin, List<KubeObject> objects, List<ManifestProblem> problems) {
        String itemKind = list == null ? "" : list.path("kind").asText().replaceFirst("List$", "");
        String itemApiVersion = list == null ? "" : list.path("apiVersion").asText("");
        int index = 0;
        for (JsonNode item : items) {
            if (item instanceof ObjectNode object && !itemKind.isEmpty()) {
                // typed lists leave apiVersion and kind off their items
                if (!object.has("kind")) {
                    object.put("kind", itemKind);
                }
                if (!object.has("apiVersion") && !itemApiVersion.isEmpty()) {
                    object.put("apiVersion", itemApiVersion);
                }
            }
            String notObject = whyNotObject(item);
            if (notObject != null) {
                problems.add(new ManifestProblem(file, document, startLine, "item " + index + " of the list: " + notObject));
            } else {
                objects.add(KubeObject.of((ObjectNode) item, origin));
            }
            index++;
        }
    }

    private static String whyNotObject(JsonNode node) {
        if (!node.isObject()) {
            return "document is a " + node.getNodeType().name().toLowerCase(Locale.ROOT)
                    + ", not a Kubernetes object (a mapping with apiVersion, kind and metadata.name)";
        }
        if (isKustomizeFile(node)) {
            return "is a Kustomization, not a Kubernetes object; render it with `kubectl kustomize DIR` and give Ferry the output";
        }
        if (KubeObject.looksLikeObject(node)) {
            return null;
        }
        List<String> missing = new ArrayList<>();
        if (!node.path("apiVersion").isTextual() || node.path("apiVersion").asText().isBlank()) {
            missing.add("apiVersion");
        }
        if (!node.path("kind").isTextual() || node.path("kind").asText().isBlank()) {
            missing.add("kind");
        }
        if (!node.path("metadata").path("name").isTextual() || node.path("metadata").path("name").asText().isBlank()) {
            missing.add("metadata.name");
        }
        return "not a Kubernetes object: missing " + String.join(", ", missing);
    }

    /**
     * A kustomize build file ({@code kustomize.config.k8s.io}, or no apiVersion at all, which kustomize accepts); a
     * Flux {@code Kustomization} ({@code kustomize.toolkit.fluxcd.io}) is a real object and is read like any other.
     */
    private static boolean isKustomizeFile(JsonNode node) {
        String kind = node.path("kind").asText("");
        String apiVersion = node.path("apiVersion").asText("");
        return (kind.equals("Kustomization") || kind.equals("Component"))
                && (apiVersion.isEmpty() || apiVersion.startsWith("kustomize.config.k8s.io"));
    }

    private static int lineOf(JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        return location == null || location.getLineNr() < 1 ? 1 : location.getLineNr();
    }
}
