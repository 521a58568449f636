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
 * Writes the AKS class of an EBS or EFS class: a patch of the source class when it keeps its name (the provisioner,
 * each parameter, the CSI zone key of {@code allowedTopologies}; zone values stay with the networking edge), nothing
 * but a drop when its name or {@code storage.classMap} names an AKS built-in (AKS creates those itself), otherwise a
 * generated class plus the drop of the source.
 */
final class AksClassWriter {

    static final String EBS_ZONE_KEY = "topology.ebs.csi.aws.com/zone";
    static final String DISK_ZONE_KEY = StorageClassWriter.AZURE_DISK_ZONE_KEY;
    private static final Set<String> ZONE_KEYS = Set.of(EBS_ZONE_KEY, "topology.kubernetes.io/zone",
            "failure-domain.beta.kubernetes.io/zone");

    private AksClassWriter() {
    }

    static void write(RuleOutput out, RuleContext context, EksStorageClasses index, String sourceName,
                      ObjectNode source, ClassTranslation translation, Set<String> emitted) {
        String target = index.targetName(sourceName);
        Optional<KubeObject> defined = index.defined(sourceName);
        if (defined.isPresent() && target.equals(sourceName) && AksBuiltInClasses.isBuiltIn(target)) {
            emitted.add(target);
            out.drop(defined.get(), "Leave StorageClass `" + target + "` to AKS",
                    "EDGES.md §4.2: `" + target + "` is a class every AKS cluster creates itself (its add-on manager "
                            + "reconciles it); StorageClass parameters are immutable, so applying the translated "
                            + "class over it would be rejected. Claims that name it keep the name and get AKS's class.",
                    Finding.info("`" + target + "` is an AKS built-in class (EDGES.md §4.2), so it is not carried; "
                            + "Ferry's tier choice for it was: " + translation.summary() + ". If AKS's class does "
                            + "not suit its claims, name another class with `storage.classMap`."));
            return;
        }
        if (defined.isPresent() && target.equals(sourceName)) {
            emitted.add(target);
            patchInPlace(out, defined.get(), translation);
            return;
        }
        boolean builtIn = AksBuiltInClasses.isBuiltIn(target);
        boolean taken = builtIn || emitted.contains(target) || index.defined(target).isPresent();
        Finding note = builtIn ? Finding.info("`" + target + "` is an AKS built-in class (EDGES.md §4.2), so it is "
                + "not generated; Ferry's tier choice for `" + sourceName + "` was: " + translation.summary() + ".")
                : Finding.info("StorageClass `" + target + "` is defined elsewhere in this migration; check that its "
                + "tier suits the claims of `" + sourceName + "`.");
        defined.ifPresent(object -> out.drop(object, "Replaced by StorageClass `" + target + "`",
                "storage.classMap maps `" + sourceName + "` to `" + target + "`; claims are pointed at the new name "
                        + "and the AWS class has no provisioner on AKS (EDGES.md §4.1).",
                taken ? new Finding[] {note} : new Finding[0]));
        if (taken) {
            return;
        }
        emitted.add(target);
        List<Finding> findings = new ArrayList<>(translation.findings());
        ObjectNode generated = generated(source, target, translation, context, findings);
        out.generate(generated, translation.summary(), translation.rationale() + (target.equals(sourceName)
                        ? " The estate names `" + sourceName + "` without defining it (an EKS built-in, EDGES.md "
                        + "§4.1), so the AKS class of the same name is generated and claims need no edit."
                        : " Named `" + target + "` by storage.classMap."),
                findings.toArray(Finding[]::new));
    }

    private static void patchInPlace(RuleOutput out, KubeObject object, ClassTranslation translation) {
        RuleOutput.ChangeBuilder change = out.change(object)
                .summary(translation.summary())
                .rationale(translation.rationale() + " The class keeps its name, so claims need no edit."
                        + " StorageClass provisioner and parameters are immutable, so the class is created fresh on "
                        + "the AKS cluster, never applied over the EKS object.")
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
        if (translation.mountOptions() != null && object.at("/mountOptions").isArray()
                && !GeneratedStorageClass.array(translation.mountOptions()).equals(object.at("/mountOptions"))) {
            if (translation.mountOptions().isEmpty()) {
                change.remove("/mountOptions");
            } else {
                change.replace("/mountOptions", GeneratedStorageClass.array(translation.mountOptions()));
            }
        }
        JsonNode terms = object.at("/allowedTopologies");
        for (int t = 0; t < terms.size(); t++) {
            JsonNode expressions = terms.get(t).path("matchLabelExpressions");
            for (int e = 0; e < expressions.size(); e++) {
                String key = expressions.get(e).path("key").asText();
                if (EBS_ZONE_KEY.equals(key) && translation.topologyKey() != null) {
                    change.replace(Pointer.of("allowedTopologies", t, "matchLabelExpressions", e, "key"),
                            translation.topologyKey());
                }
                if (ZONE_KEYS.contains(key)) {
                    change.finding(Finding.info("allowedTopologies names AWS zones " + expressions.get(e)
                            .path("values") + "; their values are left to the networking edge (settings `zones`): "
                            + "check they become Azure zones (EDGES.md §4.10)."));
                }
            }
        }
        translation.findings().forEach(change::finding);
    }

    private static ObjectNode generated(ObjectNode source, String target, ClassTranslation translation,
                                        RuleContext context, List<Finding> findings) {
        List<String> unmapped = new ArrayList<>();
        ObjectNode body = GeneratedStorageClass.of(source, target, translation, context.settings().map("zones"),
                EBS_ZONE_KEY, ZONE_KEYS, unmapped);
        if (!unmapped.isEmpty()) {
            findings.add(Finding.missingSetting("zones", "allowedTopologies names AWS zones " + unmapped
                    + " that settings `zones` does not map to Azure zones; add them (EDGES.md §4.10)."));
        }
        return body;
    }
}
