package dev.ferry.engine.rule.networking;

import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.Finding;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.rule.RuleInfo;
import dev.ferry.engine.rule.RuleOutput;
import dev.ferry.model.KubeObject;

/**
 * Drops the objects only the Amazon VPC CNI and its resource controller read: {@code ENIConfig} (custom networking),
 * {@code SecurityGroupPolicy} (security groups for pods) and the controller-managed {@code CNINode} and
 * {@code PolicyEndpoint}. Each gets a finding naming what AKS offers instead (EDGES.md §8.3, §8.5, §10.1).
 */
public final class VpcCniObjectsDropRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("vpc-cni-objects-drop", "VPC CNI objects not carried",
            "Drops ENIConfig, SecurityGroupPolicy and other VPC CNI objects, which nothing reads on AKS, with the Azure practice that replaces them.",
            Edge.NETWORKING, Direction.EKS_TO_AKS);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        String group = object.key().group();
        if (group.equals("crd.k8s.amazonaws.com") && object.kind().equals("ENIConfig")) {
            output.drop(object, "ENIConfig " + object.name() + " not carried",
                    "EDGES.md §8.3/§10.1: VPC CNI custom networking gives pods IPs from other subnets; on AKS the pod "
                            + "address space is a cluster-level choice (Azure CNI Overlay or Azure CNI with a pod "
                            + "subnet), made when the cluster is created.",
                    Finding.warning("ENIConfig `" + object.name() + "` put pods in subnet `"
                            + object.at("/spec/subnet").asText("?") + "`: create the AKS cluster with Azure CNI "
                            + "Overlay (`--network-plugin azure --network-plugin-mode overlay`) or a dedicated pod "
                            + "subnet (`--pod-subnet-id`), and apply its security groups as NSG rules on the subnet."));
        } else if (group.equals("vpcresources.k8s.aws") && object.kind().equals("SecurityGroupPolicy")) {
            output.drop(object, "SecurityGroupPolicy " + object.name() + " not carried",
                    "EDGES.md §8.3/§10.1: security groups for pods attach branch ENIs per pod; AKS has no per-pod "
                            + "security group. Pod-level traffic rules are NetworkPolicy (or Cilium policies), subnet "
                            + "rules are NSGs.",
                    Finding.actionRequired("SecurityGroupPolicy `" + object.name() + "` gave pods matching "
                            + object.at("/spec/podSelector").toString() + " security groups "
                            + object.at("/spec/securityGroups/groupIds").toString() + ": write NetworkPolicies for "
                            + "the same pods (cluster created with a network policy engine, e.g. Azure CNI powered "
                            + "by Cilium), and open the databases or services they reached to the AKS pod range "
                            + "(NSG, private endpoint or firewall rule)."));
        } else if (group.equals("vpcresources.k8s.aws") || group.equals("networking.k8s.aws")) {
            output.drop(object, object.kind() + " " + object.name() + " not carried",
                    "EDGES.md §8.5: `" + group + "` objects are written by the VPC resource controller or the VPC "
                            + "CNI network policy agent; AKS derives nothing from them.",
                    Finding.info(object.kind() + " `" + object.name() + "` is controller state of the VPC CNI."));
        }
    }
}
