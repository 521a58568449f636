package dev.ferry.engine.rule.networking;

import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.Finding;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.rule.RuleInfo;
import dev.ferry.engine.rule.RuleOutput;
import dev.ferry.model.KubeObject;
import java.util.List;
import java.util.Set;
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
        RuleOutput.ChangeBuilder change = output.change(object);
        ZoneRewrite rewrite = new ZoneRewrite(object, ZONE_KEYS, AZURE_ZONE, context.settings().map("zones"), change,
                expression -> { });
        rewrite.rewrite(List.of("topology.kubernetes.io/zone"));
        Set<String> unmapped = rewrite.unmapped();
        if (!unmapped.isEmpty()) {
            change.finding(Finding.missingSetting("zones", "Azure zone(s) " + String.join(", ", unmapped)
                    + " have no AWS availability zone in setting `zones` and were left as they are; add them, "
                    + "for example `zones: {" + unmapped.iterator().next() + ": <aws-region>a}`."));
        }
        if (rewrite.touched()) {
            change.summary("Map Azure zones to AWS availability zones")
                    .rationale("EDGES.md §4.10: Azure zones (`<region>-<n>`) and AWS zone names have no "
                            + "inherent relationship, so zone values are translated through the per-cluster "
                            + "`zones` map; static PersistentVolumes and allowed topologies must be rewritten.");
        }
    }
}
