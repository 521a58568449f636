package dev.ferry.model.sanitize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.model.KubeObject;
import dev.ferry.model.ResourceKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns raw objects (from files or a live cluster) into the sanitized estate: server-managed fields stripped, Secret
 * values replaced by digests, and objects that are not the workload's own excluded with a reason. Nodes are kept
 * aside for the node-pool analysis. Duplicates (the same object read twice) keep the last copy and are reported.
 */
public final class Sanitizer {

    private final ExclusionPolicy exclusions = new ExclusionPolicy();

    public SanitizedEstate sanitize(List<KubeObject> raw) {
        Map<ResourceKey, KubeObject> objects = new LinkedHashMap<>();
        List<Exclusion> excluded = new ArrayList<>();
        List<KubeObject> nodes = new ArrayList<>();
        List<String> duplicates = new ArrayList<>();
        for (KubeObject object : raw) {
            Optional<String> reason = exclusions.reasonToExclude(object);
            if (object.kind().equals("Node")) {
                nodes.add(sanitizeOne(object));
            }
            if (reason.isPresent()) {
                excluded.add(new Exclusion(object.key(), reason.get()));
                continue;
            }
            KubeObject clean = sanitizeOne(object);
            KubeObject previous = objects.put(clean.key(), clean);
            if (previous != null) {
                duplicates.add(clean.key() + " is defined in " + previous.origin() + " and again in "
                        + clean.origin() + "; the later definition is used");
            }
        }
        return new SanitizedEstate(List.copyOf(objects.values()), excluded, nodes, duplicates);
    }

    /** Sanitizes one object: a copy with server-managed fields stripped and Secret values redacted. */
    public KubeObject sanitizeOne(KubeObject object) {
        ObjectNode body = object.copyBody();
        Map<String, String> observed = FieldStripper.strip(body);
        if (object.kind().equals("Secret") && object.key().group().isEmpty()) {
            String registries = SecretRedactor.registries(body);
            if (registries.isEmpty()) {
                registries = inventoriedRegistries(body);
            }
            if (!registries.isEmpty()) {
                observed.put("registries", registries);
            }
            SecretRedactor.redact(body);
        }
        return object.withBody(body).withObserved(observed);
    }

    /**
     * An inventory redacts pull secrets before they reach disk and keeps their registry hosts (never credentials) in
     * {@value #REGISTRIES_ANNOTATION}; read them back so the registry rules still recognise the Secret, and drop the
     * annotation, which is Ferry's own.
     */
    private static String inventoriedRegistries(ObjectNode body) {
        JsonNode annotations = body.path("metadata").path("annotations");
        if (!(annotations instanceof ObjectNode map) || !map.has(REGISTRIES_ANNOTATION)) {
            return "";
        }
        String registries = map.remove(REGISTRIES_ANNOTATION).asText("");
        if (map.isEmpty()) {
            ((ObjectNode) body.get("metadata")).remove("annotations");
        }
        return registries;
    }

    /** Where an inventory records the registry hosts of a redacted pull secret. */
    public static final String REGISTRIES_ANNOTATION = "ferry.dev/registries";
}
