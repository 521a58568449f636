package dev.ferry.engine.rule.networking;

import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.Finding;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.rule.RuleInfo;
import dev.ferry.engine.rule.RuleOutput;
import dev.ferry.model.KubeObject;
import java.util.Set;

/**
 * Reminds that a NetworkPolicy is only enforced when the target has a policy engine: standard
 * {@code networking.k8s.io} policies need the VPC CNI network policy agent (or Calico/Cilium); Cilium and Calico
 * policy CRDs need that same engine on EKS. Objects are carried unchanged.
 */
public final class NetworkPolicyEnforcementRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("network-policy-enforcement-on-eks", "NetworkPolicy enforcement on EKS",
            "Notes that NetworkPolicies are enforced on EKS only when the VPC CNI network policy agent or the same "
                    + "vendor policy engine is enabled.",
            Edge.NETWORKING, Direction.AKS_TO_EKS);

    private static final Set<String> VENDOR_GROUPS = Set.of("cilium.io", "projectcalico.org", "crd.projectcalico.org");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        Finding finding;
        if (object.isKind("networking.k8s.io", "NetworkPolicy")) {
            finding = Finding.info("This NetworkPolicy is enforced on EKS only when the Amazon VPC CNI network "
                    + "policy agent is on (add-on configuration `{\"enableNetworkPolicy\": \"true\"}`), or when Calico "
                    + "or Cilium enforces policies; without one, all traffic is allowed.");
        } else if (VENDOR_GROUPS.contains(object.key().group()) && object.kind().contains("NetworkPolicy")) {
            finding = Finding.warning("`" + object.kind() + "` (" + object.key().group() + ") is enforced only by "
                    + "its own engine. Install " + (object.key().group().equals("cilium.io") ? "Cilium" : "Calico")
                    + " on the EKS cluster (policy-only or chaining mode with the VPC CNI), or rewrite it as a "
                    + "standard NetworkPolicy.");
        } else {
            return;
        }
        output.change(object).summary("Enable network policy enforcement on EKS")
                .rationale("EDGES.md §8.5: standard NetworkPolicy objects carry over as they are, but EKS enforces "
                        + "them only with the VPC CNI network policy agent (or Calico/Cilium); vendor policy CRDs need "
                        + "the same engine on the target.")
                .finding(finding);
    }
}
