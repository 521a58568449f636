package dev.ferry.plan.waves;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.model.ResourceKey;
import dev.ferry.model.io.Yaml;
import dev.ferry.plan.bundle.BundleException;
import dev.ferry.plan.refs.ObjectNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The text form of a plan (the bundle's {@code plan.yaml}): waves in order, each with its number, name, kind and
 * members, a member being its apiVersion and {@code Kind/namespace/name} (or {@code Kind/name} when cluster-scoped).
 *
 * <pre>
 * waves:
 *   - number: 1
 *     name: namespace shop
 *     kind: stateless
 *     members:
 *       - apiVersion: apps/v1
 *         resource: Deployment/shop/api
 * </pre>
 *
 * Reading rejects anything malformed or unknown with a message naming the file and the entry.
 */
public final class WavePlanCodec {

    private static final String HEADER = "# The waves of this migration, applied in order; inside a wave, by kind.\n"
            + "# Edit with `ferry plan` or the app so approvals and the audit log stay in step.\n";
    private static final Set<String> TOP_KEYS = Set.of("waves");
    private static final Set<String> WAVE_KEYS = Set.of("number", "name", "kind", "members");
    private static final Set<String> MEMBER_KEYS = Set.of("apiVersion", "resource");

    /** The plan as plan.yaml text. */
    public String write(WavePlan plan) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode root = json.objectNode();
        ArrayNode waves = root.putArray("waves");
        for (Wave wave : plan.waves()) {
            ObjectNode node = waves.addObject();
            node.put("number", wave.number());
            node.put("name", wave.name());
            node.put("kind", wave.kind().id());
            ArrayNode members = node.putArray("members");
            for (ResourceKey key : wave.members()) {
                members.addObject().put("apiVersion", key.apiVersion()).put("resource", resource(key));
            }
        }
        return HEADER + Yaml.write(root);
    }

    /**
     * Reads plan.yaml text.
     *
     * @param file the file's name as the user should see it in a message (for example {@code plan.yaml})
     * @throws BundleException naming the file and the entry when the text is not a valid plan
     */
    public WavePlan read(String file, String text) throws BundleException {
        JsonNode root;
        try {
            root = Yaml.yaml().readTree(text);
        } catch (JacksonException e) {
            throw new BundleException(file + " is not valid YAML: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")")
                    + ". Restore it from the bundle's history or recompute it with `ferry plan --auto`.", e);
        }
        if (root == null || !root.isObject() || !root.path("waves").isArray()) {
            throw new BundleException(file + " has no `waves` list. Recompute the plan with `ferry plan --auto`.");
        }
        unknownKeys(file, file, root, TOP_KEYS);
        List<Wave> waves = new ArrayList<>();
        Map<ResourceKey, Integer> seen = new HashMap<>();
        JsonNode entries = root.path("waves");
        for (int i = 0; i < entries.size(); i++) {
            waves.add(wave(file, entries.get(i), i, seen));
        }
        return new WavePlan(waves);
    }

    private static Wave wave(String file, JsonNode entry, int index, Map<ResourceKey, Integer> seen)
            throws BundleException {
        String where = file + ", wave entry " + (index + 1);
        if (!entry.isObject()) {
            throw new BundleException(where + " is not a mapping with number, name, kind and members.");
        }
        unknownKeys(file, where, entry, WAVE_KEYS);
        JsonNode number = entry.path("number");
        if (!number.isIntegralNumber() || !number.canConvertToInt()) {
            throw new BundleException(where + " has no whole `number`; waves are numbered from 0 in order.");
        }
        if (number.asInt() != index) {
            throw new BundleException(where + " has number " + number.asText() + " but is wave " + index
                    + " by position; waves are numbered from 0 in order without gaps.");
        }
        String name = entry.path("name").asText("");
        if (!entry.path("name").isValueNode() || name.isBlank()) {
            throw new BundleException(where + " has no `name`.");
        }
        where = file + ", wave " + index + " (`" + name + "`)";
        WaveKind kind;
        try {
            kind = WaveKind.fromId(entry.path("kind").asText(""));
        } catch (IllegalArgumentException e) {
            throw new BundleException(where + ": " + e.getMessage() + ".");
        }
        JsonNode members = entry.path("members");
        if (!members.isMissingNode() && !members.isNull() && !members.isArray()) {
            throw new BundleException(where + ": `members` is not a list.");
        }
        List<ResourceKey> keys = new ArrayList<>();
        for (int m = 0; m < members.size(); m++) {
            ResourceKey key = member(file, where + ", member " + (m + 1), members.get(m));
            Integer before = seen.putIfAbsent(key, index);
            if (before != null) {
                throw new BundleException(where + ", member " + (m + 1) + ": " + ObjectNames.describe(key)
                        + " is already in wave " + before + "; an object belongs to one wave.");
            }
            keys.add(key);
        }
        return new Wave(index, name.strip(), kind, keys);
    }

    private static ResourceKey member(String file, String where, JsonNode member) throws BundleException {
        if (!member.isObject()) {
            throw new BundleException(where + " is not a mapping with apiVersion and resource.");
        }
        unknownKeys(file, where, member, MEMBER_KEYS);
        String apiVersion = member.path("apiVersion").asText("");
        if (!member.path("apiVersion").isTextual() || apiVersion.isBlank()) {
            throw new BundleException(where + " has no `apiVersion`.");
        }
        String resource = member.path("resource").asText("");
        String[] parts = resource.split("/", -1);
        boolean blankPart = false;
        for (String part : parts) {
            blankPart |= part.isBlank();
        }
        if (!member.path("resource").isTextual() || parts.length < 2 || parts.length > 3 || blankPart) {
            throw new BundleException(where + ": resource `" + resource
                    + "` is not Kind/namespace/name or Kind/name.");
        }
        return parts.length == 2
                ? ResourceKey.of(apiVersion, parts[0], "", parts[1])
                : ResourceKey.of(apiVersion, parts[0], parts[1], parts[2]);
    }

    private static void unknownKeys(String file, String where, JsonNode node, Set<String> allowed)
            throws BundleException {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new BundleException(where + " has an unknown key `" + name + "`; allowed: "
                        + String.join(", ", allowed.stream().sorted().toList()) + ".");
            }
        }
    }

    /** {@code Kind/namespace/name}, or {@code Kind/name} for a cluster-scoped object. */
    static String resource(ResourceKey key) {
        return key.clusterScoped() ? key.kind() + "/" + key.name() : key.kind() + "/" + key.namespace() + "/" + key.name();
    }
}
