package dev.ferry.engine.rule.networking;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.Finding;
import dev.ferry.engine.k8s.PodTemplates;
import dev.ferry.engine.patch.Pointer;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.rule.RuleInfo;
import dev.ferry.engine.rule.RuleOutput;
import dev.ferry.model.KubeObject;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Rewrites Azure zone values ({@code westeurope-1}) to AWS availability zones through the {@code zones} setting
 * wherever a manifest pins a zone: pod node affinity (required and preferred), PersistentVolume node affinity,
 * StorageClass {@code allowedTopologies} and a pod {@code nodeSelector} on {@code topology.kubernetes.io/zone}. Only
 * the values are written (each {@code values} array whole); topology keys are another rule's concern. A zone with no
 * mapping stays as it is and becomes a missing-setting finding.
 */
public final class ZoneValuesRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("azure-zone-values-to-aws-zones", "Azure zones to AWS availability zones",
            "Maps Azure zone values in node affinity, PersistentVolume affinity, StorageClass allowed topologies and "
                    + "zone node selectors to AWS availability zones through the zones setting.",
            Edge.NETWORKING, Direction.AKS_TO_EKS, "zones");

    static final Set<String> ZONE_KEYS = Set.of("topology.kubernetes.io/zone",
            "failure-domain.beta.kubernetes.io/zone", "topology.disk.csi.azure.com/zone");

    /** An Azure zone: region name (no hyphen) and zone number, e.g. {@code eastus2-3}. */
    static final Pattern AZURE_ZONE = Pattern.compile("[a-z][a-z0-9]*-[1-3]");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        Rewrite rewrite = new Rewrite(object, context.settings().map("zones"), output.change(object));
        if (object.isKind("storage.k8s.io", "StorageClass")) {
            rewrite.terms("/allowedTopologies", "matchLabelExpressions");
        } else if (object.isKind("", "PersistentVolume")) {
            rewrite.terms("/spec/nodeAffinity/required/nodeSelectorTerms", "matchExpressions");
        } else if (PodTemplates.hasPodSpec(object)) {
            String spec = PodTemplates.specPointer(object).orElseThrow();
            String nodeAffinity = spec + "/affinity/nodeAffinity";
            rewrite.terms(nodeAffinity + "/requiredDuringSchedulingIgnoredDuringExecution/nodeSelectorTerms",
                    "matchExpressions");
            JsonNode preferred = object.at(nodeAffinity + "/preferredDuringSchedulingIgnoredDuringExecution");
            for (int i = 0; i < preferred.size(); i++) {
                rewrite.expressions(nodeAffinity + "/preferredDuringSchedulingIgnoredDuringExecution/" + i
                        + "/preference/matchExpressions");
            }
            rewrite.selector(Pointer.child(spec, "nodeSelector", "topology.kubernetes.io/zone"));
        }
        rewrite.report();
    }

    /** The zone rewrite of one object: what was mapped and which Azure zones had no mapping. */
    private static final class Rewrite {
        private final KubeObject object;
        private final Map<String, String> zones;
        private final RuleOutput.ChangeBuilder change;
        private final Set<String> unmapped = new TreeSet<>();
        private int rewritten;

        Rewrite(KubeObject object, Map<String, String> zones, RuleOutput.ChangeBuilder change) {
            this.object = object;
            this.zones = zones;
            this.change = change;
        }

        /** Walks {@code terms[i].<list>}. */
        void terms(String termsPointer, String list) {
            JsonNode terms = object.at(termsPointer);
            for (int i = 0; i < terms.size(); i++) {
                expressions(termsPointer + "/" + i + "/" + list);
            }
        }

        /** Replaces the whole {@code values} array of every zone expression that holds a mapped Azure zone. */
        void expressions(String expressionsPointer) {
            JsonNode expressions = object.at(expressionsPointer);
            for (int j = 0; j < expressions.size(); j++) {
                JsonNode expression = expressions.get(j);
                if (!ZONE_KEYS.contains(expression.path("key").asText()) || !expression.path("values").isArray()) {
                    continue;
                }
                ArrayNode values = JsonNodeFactory.instance.arrayNode();
                boolean changed = false;
                for (JsonNode value : expression.path("values")) {
                    String mapped = map(value.asText());
                    changed |= mapped != null;
                    values.add(mapped != null ? JsonNodeFactory.instance.textNode(mapped) : value);
                }
                if (changed) {
                    change.replace(expressionsPointer + "/" + j + "/values", values);
                    rewritten++;
                }
            }
        }

        void selector(String pointer) {
            String mapped = map(object.at(pointer).asText(""));
            if (mapped != null) {
                change.replace(pointer, mapped);
                rewritten++;
            }
        }

        /** The AWS zone for an Azure zone, or null (remembering Azure zones without a mapping). */
        private String map(String value) {
            if (!AZURE_ZONE.matcher(value).matches()) {
                return null;
            }
            String mapped = zones.get(value);
            if (mapped == null || mapped.isBlank()) {
                unmapped.add(value);
                return null;
            }
            return mapped;
        }

        void report() {
            if (!unmapped.isEmpty()) {
                change.finding(Finding.missingSetting("zones", "Azure zone(s) " + String.join(", ", unmapped)
                        + " have no AWS availability zone in setting `zones` and were left as they are; add them, "
                        + "for example `zones: {" + unmapped.iterator().next() + ": <aws-region>a}`."));
            }
            if (rewritten > 0 || !unmapped.isEmpty()) {
                change.summary("Map Azure zones to AWS availability zones")
                        .rationale("EDGES.md §4.10: Azure zones (`<region>-<n>`) and AWS zone names have no "
                                + "inherent relationship, so zone values are translated through the per-cluster "
                                + "`zones` map; static PersistentVolumes and allowed topologies must be rewritten.");
            }
        }
    }
}
