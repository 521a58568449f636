package dev.ferry.engine.rule.loadbalancer;

import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.Finding;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.rule.RuleInfo;
import dev.ferry.engine.rule.RuleOutput;
import dev.ferry.model.KubeObject;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Hands a LoadBalancer Service from the AWS Load Balancer Controller (or the in-tree AWS provider) to the Azure cloud
 * provider: removes {@code spec.loadBalancerClass} and the type/target-type annotations, and keeps the exposure
 * (internal → {@code azure-load-balancer-internal: "true"}, public → {@code "false"}, written explicitly because
 * the LBC default is internal and Azure's is public). A single internal subnet becomes
 * {@code azure-load-balancer-internal-subnet}.
 */
public final class NlbServiceToAzureLbRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("nlb-service-to-azure-lb", "AWS NLB Service to Azure Load Balancer",
            "Moves a LoadBalancer Service from the AWS Load Balancer Controller to the Azure cloud provider with the "
                    + "same internal or public exposure.",
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
        boolean lbc = NlbServices.lbcManaged(object);
        RuleOutput.ChangeBuilder change = output.change(object)
                .rationale("EDGES.md §3.1/§3.3: cloud-provider-azure reconciles LoadBalancer Services that name no "
                        + "`loadBalancerClass` and skips any Service naming a class it does not own, which would stay "
                        + "Pending; the field is immutable on a live Service, but the Service is created fresh on AKS, "
                        + "so the class is removed from the manifest. EDGES.md §3.4: the LBC default scheme is "
                        + "internal and Azure's is public, so the exposure is written explicitly.");
        NlbServices.awsClass(object).ifPresent(c -> change.remove("/spec/loadBalancerClass"));
        NlbServices.take(change, object, NlbServices.aws("type"));
        NlbServices.take(change, object, NlbServices.aws("nlb-target-type")).filter(t -> t.equals("ip"))
                .ifPresent(t -> change.finding(Finding.info("The NLB targeted pod IPs; the Azure load balancer targets "
                        + "nodes. Set `spec.externalTrafficPolicy: Local` if the pods need the client IP "
                        + "(EDGES.md §3.3).")));
        Optional<String> scheme = NlbServices.take(change, object, NlbServices.aws("scheme"));
        Optional<String> legacyInternal = NlbServices.take(change, object, NlbServices.aws("internal"));
        boolean internal = scheme.map(s -> s.equals("internal"))
                .or(() -> legacyInternal.map(v -> v.equalsIgnoreCase("true")))
                .orElse(lbc);
        String key = AzureLbAnnotations.INTERNAL;
        NlbServices.putAzure(change, object, key, internal ? "true" : "false");
        if (scheme.isEmpty() && legacyInternal.isEmpty() && lbc) {
            change.finding(Finding.info("No scheme was set, which is internal for the AWS Load Balancer Controller; "
                    + "Azure would expose it publicly, so `" + key + ": \"true\"` keeps it internal."));
        }
        NlbServices.take(change, object, NlbServices.aws("subnets")).ifPresent(subnets -> {
            List<String> list = Arrays.stream(subnets.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
            if (internal && list.size() == 1 && !list.get(0).startsWith("subnet-")) {
                NlbServices.putAzure(change, object, AzureLbAnnotations.INTERNAL_SUBNET, list.get(0));
                change.finding(Finding.warning("Subnet `" + list.get(0) + "` was carried by name into `"
                        + AzureLbAnnotations.INTERNAL_SUBNET + "`; a subnet of that name must exist in the AKS "
                        + "virtual network."));
            } else if (internal) {
                change.finding(Finding.actionRequired(NlbServices.qualified(object) + " was placed in AWS subnets "
                        + list + ". Set `" + AzureLbAnnotations.INTERNAL_SUBNET + "` to the name of one subnet of the "
                        + "AKS virtual network, or leave it out to use the cluster's node subnet."));
            } else {
                change.finding(Finding.info("AWS subnets " + list + " were removed: a public Azure load balancer has "
                        + "no subnet."));
            }
        });
        change.summary("Provision with the Azure Load Balancer (" + (internal ? "internal" : "public") + ")");
    }
}
