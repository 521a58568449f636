package dev.ferry.engine.rule.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.engine.Finding;
import dev.ferry.engine.patch.Pointer;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.rule.RuleOutput;
import dev.ferry.model.KubeObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Writes a {@link ClassTranslation}: as a patch of the source class when it keeps its name (so the storage and
 * networking edges can each address their own field of it), otherwise as a generated class plus the drop of the
 * source class.
 */
final class StorageClassWriter {

    static final String AZURE_DISK_ZONE_KEY = "topology.disk.csi.azure.com/zone";
    private static final Set<String> ZONE_KEYS = Set.of(AZURE_DISK_ZONE_KEY, "topology.kubernetes.io/zone",
            "failure-domain.beta.kubernetes.io/zone");
    static final String IMMUTABLE_NOTE = " StorageClass provisioner and parameters are immutable, so this class is "
            + "created fresh on the EKS cluster; it is never applied over the AKS object.";

    private StorageClassWriter() {
    }

    /**
     * Records the class; {@code emitted} holds the target names already written in this run, so two source classes
     * mapped to one target name produce one class.
     */
    static void write(RuleOutput out, RuleContext context, StorageClassIndex index, String sourceName,
                      ObjectNode source, ClassTranslation translation, Set<String> emitted) {
        String target = index.targetName(sourceName);
        Optional<KubeObject> defined = index.defined(sourceName);
        if (defined.isPresent() && target.equals(sourceName)) {
            emitted.add(target);
            patchInPlace(out, defined.get(), translation);
            return;
        }
        boolean taken = emitted.contains(target) || index.defined(target).isPresent();
        defined.ifPresent(object -> out.drop(object, "Replaced by StorageClass `" + target + "`",
                "storage.classMap maps `" + sourceName + "` to `" + target + "`; claims are pointed at the new name "
                        + "and the Azure class has no provisioner on EKS (EDGES.md §4.1).",
                taken ? new Finding[] {Finding.info("StorageClass `" + target + "` is defined elsewhere in this "
                        + "migration; it is not generated again from `" + sourceName + "`, so check that its tier "
                        + "suits the claims of `" + sourceName + "`.")} : new Finding[0]));
        if (taken) {
            return;
        }
        emitted.add(target);
        List<Finding> findings = new ArrayList<>(translation.findings());
        ObjectNode generated = generated(source, target, translation, context, findings);
        String why = translation.rationale() + (target.equals(sourceName)
                ? " The estate names `" + sourceName + "` without defining it (an AKS built-in, EDGES.md §4.2), so "
                + "the EKS class of the same name is generated and the claims need no edit."
                : " Named `" + target + "` by storage.classMap.");
        out.generate(generated, translation.summary(), why, findings.toArray(Finding[]::new));
    }

    private static void patchInPlace(RuleOutput out, KubeObject object, ClassTranslation translation) {
        RuleOutput.ChangeBuilder change = out.change(object)
                .summary(translation.summary())
                .rationale(translation.rationale() + " The class keeps its name, so claims need no edit."
                        + IMMUTABLE_NOTE)
                .replace("/provisioner", translation.provisioner());
        JsonNode parameters = object.at("/parameters");
        if (!parameters.isObject()) {
            change.add("/parameters", GeneratedStorageClass.parameters(translation.parameters()));
        } else {
            parameters.fieldNames().forEachRemaining(key -> {
                if (!translation.parameters().containsKey(key)) {
                    change.remove(Pointer.of("parameters", key));
                }
            });
            translation.parameters().forEach((key, value) -> {
                if (!value.equals(parameters.path(key).asText(null))) {
                    change.add(Pointer.of("parameters", key), value);
                }
            });
        }
        if (translation.mountOptions() != null && object.at("/mountOptions").isArray()) {
            if (translation.mountOptions().isEmpty()) {
                change.remove("/mountOptions");
            } else if (!GeneratedStorageClass.array(translation.mountOptions()).equals(object.at("/mountOptions"))) {
                change.replace("/mountOptions", GeneratedStorageClass.array(translation.mountOptions()));
            }
        }
        List<String> zoneValues = new ArrayList<>();
        object.at("/allowedTopologies").forEach(term -> term.path("matchLabelExpressions").forEach(expression -> {
            if (ZONE_KEYS.contains(expression.path("key").asText())) {
                expression.path("values").forEach(value -> zoneValues.add(value.asText()));
            }
        }));
        if (!zoneValues.isEmpty()) {
            change.finding(Finding.info("allowedTopologies names Azure zones " + zoneValues + "; their values are "
                    + "left to the networking edge (settings `zones`): check they become AWS availability zones "
                    + "(EDGES.md §4.10)."));
        }
        if (translation.topologyKey() != null) {
            JsonNode terms = object.at("/allowedTopologies");
            for (int t = 0; t < terms.size(); t++) {
                JsonNode expressions = terms.get(t).path("matchLabelExpressions");
                for (int e = 0; e < expressions.size(); e++) {
                    if (AZURE_DISK_ZONE_KEY.equals(expressions.get(e).path("key").asText())) {
                        change.replace(Pointer.of("allowedTopologies", t, "matchLabelExpressions", e, "key"),
                                translation.topologyKey());
                    }
                }
            }
        }
        translation.findings().forEach(change::finding);
    }

    private static ObjectNode generated(ObjectNode source, String target, ClassTranslation translation,
                                        RuleContext context, List<Finding> findings) {
        List<String> unmapped = new ArrayList<>();
        ObjectNode body = GeneratedStorageClass.of(source, target, translation, context.settings().map("zones"),
                AZURE_DISK_ZONE_KEY, ZONE_KEYS, unmapped);
        if (!unmapped.isEmpty()) {
            findings.add(Finding.missingSetting("zones", "allowedTopologies names Azure zones " + unmapped
                    + " that settings `zones` does not map to AWS availability zones; add them (EDGES.md §4.10)."));
        }
        return body;
    }
}
