package dev.ferry.engine.rule.loadbalancer;

import static dev.ferry.engine.rule.loadbalancer.AzureLbAnnotations.aws;
import static dev.ferry.engine.rule.loadbalancer.AzureLbAnnotations.pointer;

import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.Finding;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.rule.RuleInfo;
import dev.ferry.engine.rule.RuleOutput;
import dev.ferry.model.KubeObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Hands a {@code type: LoadBalancer} Service from cloud-provider-azure to the AWS Load Balancer Controller: sets
 * {@code spec.loadBalancerClass: service.k8s.aws/nlb}, IP targets, and the scheme, keeping the Azure exposure
 * (public unless {@code azure-load-balancer-internal: "true"}), because the NLB default is internal. A Service that
 * already names an AWS class or {@code aws-load-balancer-type} keeps its own settings. An internal subnet name
 * cannot be carried and becomes an action-required finding.
 */
public final class AzureLbServiceToNlbRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("azure-lb-service-to-nlb", "LoadBalancer Service to AWS NLB",
            "Moves a LoadBalancer Service from the Azure cloud provider to an AWS Load Balancer Controller NLB with "
                    + "IP targets and the same public or internal exposure.",
            Edge.LOAD_BALANCER, Direction.AKS_TO_EKS);

    static final String TARGET_TYPE = aws("nlb-target-type");
    static final String SCHEME = aws("scheme");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        if (!AzureLbAnnotations.inScope(object)) {
            return;
        }
        Map<String, String> annotations = object.annotations();
        List<String> did = new ArrayList<>();
        RuleOutput.ChangeBuilder change = output.change(object);
        boolean fromAzure = !AzureLbAnnotations.alreadyAws(object);
        String internal = AzureLbAnnotations.value(annotations, AzureLbAnnotations.INTERNAL);
        if (fromAzure) {
            change.add("/spec/loadBalancerClass", AzureLbAnnotations.NLB_CLASS);
            change.finding(Finding.info("The AWS Load Balancer Controller (2.4 or later) must run on the target "
                    + "cluster to provision this NLB; on EKS Auto Mode use class `eks.amazonaws.com/nlb` instead."));
            did.add("class " + AzureLbAnnotations.NLB_CLASS);
            if (!annotations.containsKey(TARGET_TYPE)) {
                change.add(pointer(TARGET_TYPE), "ip");
                did.add("IP targets");
            }
        }
        if (!annotations.containsKey(SCHEME) && (fromAzure || internal != null)) {
            String scheme = "true".equalsIgnoreCase(internal) ? "internal" : "internet-facing";
            change.add(pointer(SCHEME), scheme);
            did.add("scheme " + scheme);
        }
        if (annotations.containsKey(AzureLbAnnotations.INTERNAL)) {
            change.remove(pointer(AzureLbAnnotations.INTERNAL));
        }
        if (annotations.containsKey(AzureLbAnnotations.INTERNAL_SUBNET)) {
            change.remove(pointer(AzureLbAnnotations.INTERNAL_SUBNET));
            change.finding(Finding.actionRequired("The internal load balancer used Azure subnet `"
                    + annotations.get(AzureLbAnnotations.INTERNAL_SUBNET) + "`. Set annotation `" + aws("subnets")
                    + "` to one subnet id per availability zone, or tag the VPC's private subnets "
                    + "`kubernetes.io/role/internal-elb: 1` so the controller discovers them."));
        }
        change.summary("Provision as AWS NLB" + (did.isEmpty() ? "" : " (" + String.join(", ", did) + ")"))
                .rationale("EDGES.md §3.1: the AWS Load Balancer Controller reconciles Services of class "
                        + "`service.k8s.aws/nlb` (the `aws-load-balancer-type: external` annotation is the legacy "
                        + "selector and EKS Auto Mode rejects it). EDGES.md §3.4: an unannotated Service is public on "
                        + "AKS but internal on an NLB, so the scheme is set explicitly; IP targets send traffic "
                        + "straight to VPC-routable pod IPs (EDGES.md §8.4).");
    }
}
