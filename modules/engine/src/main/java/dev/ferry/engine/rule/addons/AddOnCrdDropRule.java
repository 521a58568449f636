package dev.ferry.engine.rule.addons;

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

/**
 * Leaves out the CustomResourceDefinitions of cluster add-ons of one edge (see {@link AddOnCrds}): the target's own
 * add-on or Helm chart installs them, or, for an add-on only the source's cloud runs, nothing on the target reads
 * them. Carrying the source's copy makes the apply fight the target's installation (a 409 conflict on the CRD's
 * fields) or replace a newer schema with an older one. The custom resources themselves are not touched: the edge's
 * rules translate or drop them. {@code crds.carry} lists CRDs (by name or by API group) to carry anyway.
 */
public final class AddOnCrdDropRule implements Rule {

    static final String CARRY = "crds.carry";

    private final RuleInfo info;

    AddOnCrdDropRule(String id, Edge edge, Direction direction) {
        String source = direction == Direction.AKS_TO_EKS ? "AKS" : "EKS";
        this.info = RuleInfo.of(id, "Add-on CRDs of the " + source + " source not carried (" + edge.id() + ")",
                "Leaves out the CustomResourceDefinitions of " + edge.id() + " add-ons that the target's own add-on "
                        + "or Helm chart installs, or that only " + source + " runs, unless crds.carry names them.",
                edge, direction, CARRY);
    }

    @Override
    public RuleInfo info() {
        return info;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        AddOnCrds.addOnOf(object, info.edge(), info.direction()).ifPresent(addOn -> {
            Set<String> carry = context.memo(CARRY, c -> Set.copyOf(c.settings().list(CARRY)));
            if (carry.contains(object.name()) || carry.contains(AddOnCrds.group(object))) {
                return;
            }
            if (addOn.platform() == AddOnCrds.Platform.EITHER) {
                output.drop(object, "Leave CRD " + object.name() + " to the target's " + addOn.name(),
                        "EDGES.md §10: " + addOn.name() + " is a cluster add-on; its CRDs are installed on the "
                                + "target by its add-on/Helm chart, and carrying the source's copy conflicts with "
                                + "that installation on apply.",
                        Finding.warning("CRD " + object.name() + " is installed on the target by its add-on/Helm "
                                + "chart; not carried. Install " + addOn.onTarget() + " on the target before the "
                                + "wave that uses its resources, or list `" + object.name() + "` under `" + CARRY
                                + "` to carry it."));
            } else {
                output.drop(object, "Drop CRD " + object.name() + " of " + addOn.name(),
                        "EDGES.md §10: " + addOn.name() + " is managed by " + addOn.platform() + "; its CRDs "
                                + "are installed with the add-on and mean " + addOn.onTarget() + ".",
                        Finding.info("CRD " + object.name() + " belongs to " + addOn.name() + ", an add-on of "
                                + addOn.platform() + "; not carried (" + addOn.onTarget() + ")."));
            }
        });
    }

    /** Every edge that has add-ons, in the order the rule set lists them. */
    static List<Edge> edges() {
        return List.of(Edge.SECRETS, Edge.INGRESS, Edge.STORAGE, Edge.AUTOSCALING, Edge.NETWORKING,
                Edge.MONITORING);
    }
}
