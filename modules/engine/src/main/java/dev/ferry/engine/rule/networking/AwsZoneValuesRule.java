package dev.ferry.engine.rule.networking;

import com.fasterxml.jackson.databind.JsonNode;
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
        RuleOutput.ChangeBuilder change = output.change(object);
        Set<String> zoneIds = new TreeSet<>();
        ZoneRewrite rewrite = new ZoneRewrite(object, ZONE_KEYS, AWS_ZONE, context.settings().map("zones"), change,
                expression -> {
                    if (expression.path("key").asText().equals(ZONE_ID_KEY)) {
                        expression.path("values").forEach(value -> zoneIds.add(value.asText()));
                    }
                });
        rewrite.rewrite(new TreeSet<>(ZONE_KEYS)); // sorted: patch order must not depend on Set.of iteration
        PodTemplates.specPointer(object)
                .map(spec -> object.at(Pointer.child(spec, "nodeSelector", ZONE_ID_KEY)))
                .filter(JsonNode::isTextual)
                .ifPresent(zoneId -> zoneIds.add(zoneId.asText()));
        report(rewrite, zoneIds, change);
    }

    private static void report(ZoneRewrite rewrite, Set<String> zoneIds, RuleOutput.ChangeBuilder change) {
        Set<String> unmapped = rewrite.unmapped();
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
        if (rewrite.touched() || !zoneIds.isEmpty()) {
            change.summary("Map AWS availability zones to Azure zones")
                    .rationale("EDGES.md §4.10: AWS zone names (`<region><letter>`, account-specific) and Azure "
                            + "zones (`<region>-<n>`) have no inherent relationship, so zone values are translated "
                            + "through the per-cluster `zones` map; static PersistentVolumes and allowed "
                            + "topologies must be rewritten.");
        }
    }
}
