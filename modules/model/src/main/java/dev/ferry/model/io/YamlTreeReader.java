package dev.ferry.model.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringReader;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads one YAML document into a JSON tree, resolving anchors, aliases and merge keys ({@code <<}) the way kubectl
 * does, with YAML 1.1 scalars. Jackson's YAML parser leaves aliases unresolved, so Ferry composes the document
 * with SnakeYAML and converts the node graph itself, which also lets it bound alias expansion, depth and size and
 * report duplicate keys with their line.
 */
public final class YamlTreeReader {

    /** A document that cannot be read, with its 1-based line inside the document (0 when unknown). */
    public static final class YamlReadException extends Exception {
        private static final long serialVersionUID = 1L;
        private final int line;

        YamlReadException(String message, int line) {
            super(message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ReadLimits limits;
    /** Only read while composing, so one serves every thread. */
    private final LoaderOptions options;
    /**
     * YAML 1.1's implicit tags (what {@code Yaml} would resolve with), built once: a bundle opens ten thousand small
     * files, and building the resolver's patterns for each cost as much as a tenth of reading them.
     */
    private final Resolver resolver = new Resolver();

    public YamlTreeReader(ReadLimits limits) {
        this.limits = limits;
        this.options = new LoaderOptions();
        options.setMaxAliasesForCollections(limits.maxAliases());
        options.setCodePointLimit(Math.max(limits.maxDocumentChars(), 1));
        options.setNestingDepthLimit(limits.maxDepth());
        options.setAllowRecursiveKeys(false);
    }

    /** The document's tree, or null for an empty document. Thread-safe. */
    public JsonNode read(String text) throws YamlReadException {
        Node root;
        try {
            root = new Composer(new ParserImpl(new StreamReader(new StringReader(text)), options), resolver, options)
                    .getSingleNode();
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            // at the end of the stream the mark is on the line after the last one; name the last line instead
            throw new YamlReadException(ParseMessages.describe(e),
                    mark == null ? 0 : Math.min(new LineIndex(text).line(mark), lastLine(text)));
        } catch (ReaderException e) {
            // SnakeYAML's reader rejects control characters before any mark exists; find the line ourselves
            throw new YamlReadException(String.format(java.util.Locale.ROOT,
                    "character U+%04X is not allowed in YAML (a control character); remove it, or write it as an "
                            + "escape inside double quotes", e.getCodePoint()), lineOfCodePoint(text, e.getPosition()));
        } catch (YAMLException e) {
            throw new YamlReadException(ParseMessages.describe(e), 0);
        }
        if (root == null) {
            return null;
        }
        return new Converter(text).convert(root, 0);
    }

    /** Converts one document; counts nodes so alias expansion stays bounded. */
    private final class Converter {
        private final String text;
        /** Built when a line is first named: only errors name one. */
        private LineIndex lines;
        private long nodes;

        Converter(String text) {
            this.text = text;
        }

        private int line(Node node) {
            if (node.getStartMark() == null) {
                return 0;
            }
            if (lines == null) {
                lines = new LineIndex(text);
            }
            return lines.line(node.getStartMark());
        }

        JsonNode convert(Node node, int depth) throws YamlReadException {
            if (depth > limits.maxDepth()) {
                throw new YamlReadException("document is nested deeper than " + limits.maxDepth()
                        + " levels (or an alias refers to itself)", line(node));
            }
            if (++nodes > (long) limits.maxDocumentChars()) {
                throw new YamlReadException("aliases expand to more than " + limits.maxDocumentChars()
                        + " nodes (possible \"billion laughs\" input)", line(node));
            }
            if (node instanceof MappingNode mapping) {
                return mapping(mapping, depth);
            }
            if (node instanceof SequenceNode sequence) {
                ArrayNode array = NODES.arrayNode(sequence.getValue().size());
                for (Node item : sequence.getValue()) {
                    array.add(convert(item, depth + 1));
                }
                return array;
            }
            return scalar((ScalarNode) node);
        }

        private ObjectNode mapping(MappingNode mapping, int depth) throws YamlReadException {
            ObjectNode object = NODES.objectNode();
            Map<String, Node> explicit = new HashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                Node keyNode = tuple.getKeyNode();
                if (keyNode.getTag().equals(Tag.MERGE)) {
                    continue;
                }
                String key = keyText(keyNode);
                Node earlier = explicit.put(key, keyNode);
                if (earlier != null) {
                    throw new YamlReadException("duplicate key `" + key + "` (first on line " + line(earlier)
                            + " of this document): a mapping may name each key once; remove or rename one",
                            line(keyNode));
                }
                object.set(key, convert(tuple.getValueNode(), depth + 1));
            }
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode().getTag().equals(Tag.MERGE)) {
                    merge(object, explicit, tuple.getValueNode(), depth);
                }
            }
            return object;
        }

        /** {@code <<: *base} or {@code <<: [*a, *b]}: keys given explicitly win, earlier merged maps win over later. */
        private void merge(ObjectNode object, Map<String, Node> explicit, Node source, int depth)
                throws YamlReadException {
            if (source instanceof SequenceNode sequence) {
                for (Node item : sequence.getValue()) {
                    merge(object, explicit, item, depth);
                }
                return;
            }
            JsonNode merged = convert(source, depth + 1);
            if (!merged.isObject()) {
                throw new YamlReadException("a merge key `<<` must refer to a mapping", line(source));
            }
            merged.fields().forEachRemaining(e -> {
                if (!explicit.containsKey(e.getKey()) && !object.has(e.getKey())) {
                    object.set(e.getKey(), e.getValue());
                }
            });
        }

        private String keyText(Node keyNode) throws YamlReadException {
            if (keyNode instanceof ScalarNode scalar) {
                return scalar.getValue();
            }
            throw new YamlReadException("a mapping key must be a plain value, not a "
                    + (keyNode instanceof MappingNode ? "mapping" : "sequence"), line(keyNode));
        }
    }

    private static JsonNode scalar(ScalarNode scalar) {
        Tag tag = scalar.getTag();
        String value = scalar.getValue();
        if (tag.equals(Tag.NULL)) {
            return NODES.nullNode();
        }
        if (tag.equals(Tag.BOOL)) {
            return NODES.booleanNode(parseBool(value));
        }
        if (tag.equals(Tag.INT)) {
            JsonNode number = parseInt(value);
            return number != null ? number : NODES.textNode(value);
        }
        if (tag.equals(Tag.FLOAT)) {
            try {
                return NODES.numberNode(Double.parseDouble(value.replace("_", "")));
            } catch (NumberFormatException notJavaFloat) {
                return NODES.textNode(value);
            }
        }
        return NODES.textNode(value);
    }

    private static boolean parseBool(String value) {
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "y", "on" -> true;
            default -> false;
        };
    }

    private static JsonNode parseInt(String raw) {
        String value = raw.replace("_", "");
        try {
            int sign = 1;
            if (value.startsWith("-") || value.startsWith("+")) {
                sign = value.startsWith("-") ? -1 : 1;
                value = value.substring(1);
            }
            BigInteger number;
            if (value.startsWith("0x")) {
                number = new BigInteger(value.substring(2), 16);
            } else if (value.startsWith("0o")) {
                number = new BigInteger(value.substring(2), 8);
            } else if (value.length() > 1 && value.startsWith("0") && value.chars().allMatch(Character::isDigit)) {
                number = new BigInteger(value, 8);
            } else {
                number = new BigInteger(value);
            }
            number = sign < 0 ? number.negate() : number;
            return number.bitLength() < 32 ? NODES.numberNode(number.intValue())
                    : number.bitLength() < 64 ? NODES.numberNode(number.longValue()) : NODES.numberNode(number);
        } catch (NumberFormatException notAnInteger) {
            return null;
        }
    }

    /** The 1-based number of the last line of {@code text}; a final newline does not start another line. */
    static int lastLine(String text) {
        int lines = 1;
        for (int i = 0; i < text.length() - 1; i++) {
            if (text.charAt(i) == '\n') {
                lines++;
            }
        }
        return lines;
    }

    private static int lineOfCodePoint(String text, int codePointIndex) {
        int line = 1;
        int index = 0;
        for (int i = 0; i < text.length() && index < codePointIndex; i += Character.charCount(text.codePointAt(i))) {
            if (text.charAt(i) == '\n') {
                line++;
            }
            index++;
        }
        return line;
    }

    /**
     * Line numbers as an editor counts them, by {@code \n} only. SnakeYAML's own line count also breaks at U+0085,
     * U+2028 and U+2029, which would name a line the user cannot find, so marks are placed by their position instead.
     */
    private static final class LineIndex {
        private final int[] newlines;

        LineIndex(String text) {
            int[] found = new int[16];
            int count = 0;
            int codePoint = 0;
            for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i)), codePoint++) {
                if (text.charAt(i) == '\n') {
                    if (count == found.length) {
                        found = java.util.Arrays.copyOf(found, count * 2);
                    }
                    found[count++] = codePoint;
                }
            }
            newlines = java.util.Arrays.copyOf(found, count);
        }

        /** The 1-based line of a mark: one more than the newlines before its code point index. */
        int line(Mark mark) {
            int at = java.util.Arrays.binarySearch(newlines, mark.getIndex());
            return (at >= 0 ? at : -at - 1) + 1;
        }
    }
}
