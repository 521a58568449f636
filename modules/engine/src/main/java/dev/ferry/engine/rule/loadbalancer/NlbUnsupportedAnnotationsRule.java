package dev.ferry.engine.rule.loadbalancer;

import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.Finding;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.rule.RuleInfo;
import dev.ferry.engine.rule.RuleOutput;
import dev.ferry.model.KubeObject;
import java.util.List;

/**
 * Removes every {@code aws-load-balancer-*} annotation no named rule translates and reports it with the Service named:
 * TLS termination ({@code ssl-cert}, {@code ssl-ports}, policies) needs a human because the Azure load balancer is
 * pass-through L4; security groups become NSG work; the rest has no Azure counterpart (EDGES.md §3.3).
 */
public final class NlbUnsupportedAnnotationsRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("nlb-annotations-without-azure-equivalent",
            "NLB annotations without Azure equivalent reported",
            "Removes the AWS load balancer annotations Azure cannot express and reports each with its Azure practice.",
            Edge.LOAD_BALANCER, Direction.EKS_TO_AKS);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        if (!NlbServices.inScope(object)) {
            return;
        }
        List<String> keys = object.annotations().keySet().stream().filter(NlbServices::isAwsKey)
                .filter(k -> !NlbServices.HANDLED.contains(k) && !NlbServices.isListenerAttributes(k)).sorted().toList();
        if (keys.isEmpty()) {
            return;
        }
        RuleOutput.ChangeBuilder change = output.change(object)
                .summary("AWS load balancer annotations without Azure equivalent removed")
                .rationale("EDGES.md §3.3: these annotations configure NLB features the Azure Standard Load Balancer "
                        + "does not have (TLS termination, security groups, naming); each is reported.");
        String service = NlbServices.qualified(object);
        for (String key : keys) {
            change.remove(AzureLbAnnotations.pointer(key));
            String name = key.substring(NlbServices.aws("").length());
            String what = service + ": `" + name + ": " + object.annotations().get(key).strip() + "` ";
            if (name.startsWith("ssl-") || name.equals("alpn-policy") || name.equals("backend-protocol")) {
                change.finding(Finding.actionRequired(what + "was removed: the Azure load balancer is pass-through "
                        + "L4 and cannot terminate TLS. Terminate TLS in the pod, behind an ingress controller "
                        + "(AGIC) or Application Gateway for Containers."));
            } else if (name.startsWith("security-groups") || name.equals("manage-backend-security-group-rules")
                    || name.equals("disable-nlb-sg") || name.equals("inbound-sg-rules-on-private-link-traffic")) {
                change.finding(Finding.warning(what + "was removed: cloud-provider-azure manages the NSG rules; "
                        + "restrict sources with `spec.loadBalancerSourceRanges` or `azure-allowed-service-tags`."));
            } else if (name.equals("target-node-labels")) {
                change.finding(Finding.warning(what + "was removed: Azure cannot pick nodes per Service; label "
                        + "nodes `node.kubernetes.io/exclude-from-external-load-balancers` to keep them out."));
            } else if (name.equals("name")) {
                change.finding(Finding.info(what + "was removed: Azure names the frontend after the Service."));
            } else {
                change.finding(Finding.warning(what + "has no Azure counterpart and was removed."));
            }
        }
    }
}
