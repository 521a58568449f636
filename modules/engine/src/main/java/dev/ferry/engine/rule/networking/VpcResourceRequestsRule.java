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
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

/**
 * Removes {@code vpc.amazonaws.com/*} extended resources (branch ENIs, private IPv4 addresses for Windows) from
 * container requests and limits, and {@code vpc.amazonaws.com/*} pod annotations: AKS nodes advertise no such
 * resource, so a pod requesting it would never schedule (EDGES.md §8.3).
 */
public final class VpcResourceRequestsRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("vpc-resource-requests-removed", "VPC CNI resources and annotations removed",
            "Removes vpc.amazonaws.com extended resource requests and pod annotations, which no AKS node satisfies.",
            Edge.NETWORKING, Direction.EKS_TO_AKS);

    static final String PREFIX = "vpc.amazonaws.com/";

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        List<String> removed = new ArrayList<>();
        TreeSet<String> resources = new TreeSet<>();
        for (PodTemplates.ContainerRef container : PodTemplates.containers(object)) {
            for (String section : new String[] {"requests", "limits"}) {
                JsonNode map = container.container().path("resources").path(section);
                List<String> names = vpcKeys(map);
                resources.addAll(names);
                if (!names.isEmpty() && names.size() == map.size()) {
                    removed.add(Pointer.child(container.pointer(), "resources", section));
                } else {
                    names.forEach(name -> removed.add(Pointer.child(container.pointer(), "resources", section, name)));
                }
            }
        }
        TreeSet<String> annotations = new TreeSet<>();
        PodTemplates.metadataPointer(object).ifPresent(meta -> {
            JsonNode map = object.at(meta + "/annotations");
            List<String> names = vpcKeys(map);
            annotations.addAll(names);
            if (!names.isEmpty() && names.size() == map.size()) {
                removed.add(Pointer.child(meta, "annotations"));
            } else {
                names.forEach(name -> removed.add(Pointer.child(meta, "annotations", name)));
            }
        });
        if (removed.isEmpty()) {
            return;
        }
        RuleOutput.ChangeBuilder change = output.change(object)
                .summary("Remove VPC CNI resources from " + object.kind() + " " + object.name())
                .rationale("EDGES.md §8.3: `vpc.amazonaws.com/pod-eni` (security groups for pods) and the other "
                        + "`vpc.amazonaws.com/*` resources are advertised only by EKS nodes running the VPC resource "
                        + "controller; on AKS a pod requesting them stays Pending.");
        removed.forEach(change::remove);
        if (!resources.isEmpty()) {
            change.finding(Finding.warning(object.kind() + " `" + object.name() + "` requested " + resources
                    + ": the per-pod security groups or IPs they stood for need NetworkPolicies or NSG rules on AKS."));
        }
        if (!annotations.isEmpty()) {
            change.finding(Finding.info("Removed pod annotation(s) " + annotations + ", set by the VPC CNI on EKS."));
        }
    }

    /** The {@code vpc.amazonaws.com/} keys of a map; an empty map left behind is removed whole instead. */
    private static List<String> vpcKeys(JsonNode map) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = map.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (name.startsWith(PREFIX)) {
                names.add(name);
            }
        }
        return names;
    }
}
