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
 * Rewrites AWS availability zone names ({@code eu-west-1a}) to Azure zones ({@code westeurope-1}) through the
 * {@code zones} setting wherever a manifest pins a zone: pod node affinity (required and preferred), PersistentVolume
 * node affinity, StorageClass {@code allowedTopologies} and a zone {@code nodeSelector}. Only the values are written
 * (each {@code values} array whole); topology keys belong to the storage edge. Zone ids ({@code euw1-az1}) cannot be
 * mapped and are reported (EDGES.md §4.10).
 */
public final class AwsZoneValuesRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("aws-zone-values-to-azure-zones", "AWS availability zones to Azure zones",
            "Maps AWS availability zone names in node affinity, PersistentVolume affinity, StorageClass allowed "
                    + "topologies and zone node selectors to Azure zones through the zones setting.",
            Edge.NETWORKING, Direction.EKS_TO_AKS, "zones");

    static final Set<String> ZONE_KEYS = Set.of("topology.kubernetes.io/zone",
            "failure-domain.beta.kubernetes.io/zone", "topology.ebs.csi.aws.com/zone");
    static final String ZONE_ID_KEY = "topology.k8s.aws/zone-id";

    /** An AWS availability zone name: region plus a letter, e.g. {@code us-east-1a}, {@code us-gov-west-1b}. */
    static final Pattern AWS_ZONE = Pattern.compile("[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\\d+[a-z]");

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
            for (String key : ZONE_KEYS) {
                rewrite.selector(Pointer.child(spec, "nodeSelector", key));
            }
            if (object.at(spec + "/nodeSelector").has(ZONE_ID_KEY)) {
                rewrite.zoneIds.add(object.at(Pointer.child(spec, "nodeSelector", ZONE_ID_KEY)).asText());
            }
        }
        rewrite.report();
    }

    /** The zone rewrite of one object: what was mapped and which AWS zones had no mapping. */
    private static final class Rewrite {
        private final KubeObject object;
        private final Map<String, String> zones;
        private final RuleOutput.ChangeBuilder change;
        private final Set<String> unmapped = new TreeSet<>();
        private final Set<String> zoneIds = new TreeSet<>();
        private int rewritten;

        Rewrite(KubeObject object, Map<String, String> zones, RuleOutput.ChangeBuilder change) {
            this.object = object;
            this.zones = zones;
            this.change = change;
        }

        void terms(String termsPointer, String list) {
            JsonNode terms = object.at(termsPointer);
            for (int i = 0; i < terms.size(); i++) {
                expressions(termsPointer + "/" + i + "/" + list);
            }
        }

        void expressions(String expressionsPointer) {
            JsonNode expressions = object.at(expressionsPointer);
            for (int j = 0; j < expressions.size(); j++) {
                JsonNode expression = expressions.get(j);
                String key = expression.path("key").asText();
                if (key.equals(ZONE_ID_KEY)) {
                    expression.path("values").forEach(v -> zoneIds.add(v.asText()));
                }
                if (!ZONE_KEYS.contains(key) || !expression.path("values").isArray()) {
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

        private String map(String value) {
            if (!AWS_ZONE.matcher(value).matches()) {
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
                change.finding(Finding.missingSetting("zones", "AWS availability zone(s) " + String.join(", ", unmapped)
                        + " have no Azure zone in setting `zones` and were left as they are; add them, for example "
                        + "`zones: {" + unmapped.iterator().next() + ": <azure-region>-1}`."));
            }
            if (!zoneIds.isEmpty()) {
                change.finding(Finding.actionRequired("`" + ZONE_ID_KEY + "` pins zone id(s) " + zoneIds
                        + ", a label AKS nodes do not carry; select on `topology.kubernetes.io/zone` with the Azure "
                        + "zone instead."));
            }
            if (rewritten > 0 || !unmapped.isEmpty() || !zoneIds.isEmpty()) {
                change.summary("Map AWS availability zones to Azure zones")
                        .rationale("EDGES.md §4.10: AWS zone names (`<region><letter>`, account-specific) and Azure "
                                + "zones (`<region>-<n>`) have no inherent relationship, so zone values are translated "
                                + "through the per-cluster `zones` map; static PersistentVolumes and allowed "
                                + "topologies must be rewritten.");
            }
        }
    }
}
