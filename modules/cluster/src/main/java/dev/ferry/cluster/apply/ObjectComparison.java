package dev.ferry.cluster.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.cluster.journal.ObjectDigest;
import dev.ferry.model.sanitize.SecretRedactor;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares objects the way a migration needs: ignoring what the server sets (resourceVersion, uid, managed fields,
 * generation, timestamps, status), and treating equal quantities ({@code 500m} and {@code 0.5}) and equal numbers as
 * equal. Differences are reported as paths only, never values, so a Secret's comparison cannot leak it.
 */
public final class ObjectComparison {

    private static final Set<String> SERVER_METADATA = Set.of("managedFields", "resourceVersion", "uid",
            "generation", "creationTimestamp", "selfLink", "deletionTimestamp", "deletionGracePeriodSeconds");
    /** Annotations controllers write on their own, which say nothing about what was applied or restored. */
    private static final Set<String> CONTROLLER_ANNOTATIONS = Set.of("deployment.kubernetes.io/revision",
            SecretRedactor.DIGESTS_ANNOTATION);
    private static final Pattern QUANTITY = Pattern.compile("([+-]?[0-9.]+(?:[eE][+-]?[0-9]+)?)(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?");

    private ObjectComparison() {
    }

    /**
     * Paths where {@code live} does not hold what {@code desired} says (fields the server added are fine): the check
     * for "is what Ferry applied still there". A redacted Secret (value digests, no data) is compared by the digests
     * of the live values.
     */
    public static List<String> missingFromLive(ObjectNode desired, ObjectNode live) {
        List<String> differences = new ArrayList<>();
        String digests = desired.path("metadata").path("annotations").path(SecretRedactor.DIGESTS_ANNOTATION).asText("");
        if (!digests.isEmpty() && !desired.has("data") && !desired.has("stringData")) {
            compareDigests(digests, live, differences);
        }
        contains("", desired, live, differences, true);
        return differences;
    }

    /** Paths where the two differ in either direction: the check for "the target is as it was before the wave". */
    public static List<String> differences(ObjectNode expected, ObjectNode live) {
        List<String> differences = new ArrayList<>();
        contains("", expected, live, differences, true);
        List<String> extra = new ArrayList<>();
        contains("", live, expected, extra, true);
        for (String path : extra) {
            if (!differences.contains(path)) {
                differences.add(path);
            }
        }
        return differences;
    }

    private static void compareDigests(String annotation, ObjectNode live, List<String> differences) {
        Map<String, String> actual = ObjectDigest.secretDigests(live);
        try {
            JsonNode expected = new com.fasterxml.jackson.databind.ObjectMapper().readTree(annotation);
            expected.fields().forEachRemaining(e -> {
                if (!e.getValue().asText().equals(actual.get(e.getKey()))) {
                    differences.add("/data/" + e.getKey());
                }
            });
            actual.keySet().stream().filter(k -> !expected.has(k)).forEach(k -> differences.add("/data/" + k));
        } catch (java.io.IOException e) {
            differences.add("/metadata/annotations/" + SecretRedactor.DIGESTS_ANNOTATION);
        }
    }

    private static void contains(String path, JsonNode expected, JsonNode actual, List<String> out, boolean top) {
        if (expected.isObject()) {
            if (!actual.isObject()) {
                out.add(path.isEmpty() ? "/" : path);
                return;
            }
            Iterator<Map.Entry<String, JsonNode>> fields = expected.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String name = field.getKey();
                if (ignored(path, name, top)) {
                    continue;
                }
                JsonNode other = actual.get(name);
                String child = path + "/" + name.replace("~", "~0").replace("/", "~1");
                if (other == null || other.isNull()) {
                    if (!isEmpty(field.getValue()) && !onlyIgnored(child, field.getValue())) {
                        out.add(child);
                    }
                } else {
                    contains(child, field.getValue(), other, out, false);
                }
            }
        } else if (expected.isArray()) {
            if (!actual.isArray() || actual.size() != expected.size()) {
                out.add(path);
                return;
            }
            for (int i = 0; i < expected.size(); i++) {
                contains(path + "/" + i, expected.get(i), actual.get(i), out, false);
            }
        } else if (!sameScalar(expected, actual)) {
            out.add(path);
        }
    }

    private static boolean ignored(String path, String name, boolean top) {
        if (top) {
            return name.equals("status");
        }
        if (path.equals("/metadata")) {
            return SERVER_METADATA.contains(name);
        }
        if (path.equals("/metadata/annotations")) {
            return CONTROLLER_ANNOTATIONS.contains(name)
                    || name.equals("kubectl.kubernetes.io/last-applied-configuration");
        }
        return false;
    }

    /** True for an object whose every field is one the comparison ignores (annotations Ferry or controllers set). */
    private static boolean onlyIgnored(String path, JsonNode node) {
        if (!node.isObject()) {
            return false;
        }
        List<String> inner = new ArrayList<>();
        contains(path, node, com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(), inner, false);
        return inner.isEmpty();
    }

    private static boolean isEmpty(JsonNode node) {
        return node.isNull() || (node.isContainerNode() && node.isEmpty());
    }

    private static boolean sameScalar(JsonNode a, JsonNode b) {
        if (a.equals(b)) {
            return true;
        }
        if (a.isContainerNode() || b.isContainerNode()) {
            return false;
        }
        String left = a.asText();
        String right = b.asText();
        if (left.equals(right)) {
            return true;
        }
        BigDecimal l = quantity(left);
        BigDecimal r = quantity(right);
        return l != null && r != null && l.compareTo(r) == 0;
    }

    private static BigDecimal quantity(String text) {
        Matcher m = QUANTITY.matcher(text.trim());
        if (!m.matches()) {
            return null;
        }
        try {
            BigDecimal number = new BigDecimal(m.group(1));
            String suffix = m.group(2) == null ? "" : m.group(2);
            return switch (suffix) {
                case "m" -> number.movePointLeft(3);
                case "k" -> number.movePointRight(3);
                case "M" -> number.movePointRight(6);
                case "G" -> number.movePointRight(9);
                case "T" -> number.movePointRight(12);
                case "P" -> number.movePointRight(15);
                case "E" -> number.movePointRight(18);
                case "Ki" -> number.multiply(BigDecimal.valueOf(1024L));
                case "Mi" -> number.multiply(BigDecimal.valueOf(1024L * 1024));
                case "Gi" -> number.multiply(BigDecimal.valueOf(1024L * 1024 * 1024));
                case "Ti" -> number.multiply(BigDecimal.valueOf(1024L * 1024 * 1024 * 1024));
                case "Pi" -> number.multiply(BigDecimal.valueOf(1024L * 1024 * 1024 * 1024 * 1024));
                case "Ei" -> number.multiply(BigDecimal.valueOf(1024L * 1024 * 1024 * 1024 * 1024 * 1024));
                default -> number;
            };
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
