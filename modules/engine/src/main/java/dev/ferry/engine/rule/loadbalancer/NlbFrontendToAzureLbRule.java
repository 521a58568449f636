package dev.ferry.engine.rule.loadbalancer;

import static dev.ferry.engine.rule.loadbalancer.NlbServices.aws;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
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

/**
 * Translates the NLB frontend and access annotations: a single private IPv4 → {@code azure-load-balancer-ipv4};
 * resource tags → {@code azure-pip-tags}; the {@code load-balancer-source-ranges} annotation →
 * {@code spec.loadBalancerSourceRanges}. Elastic IP allocations, prefix lists and dual-stack become actions naming the
 * Azure replacement (a pre-created static public IP in {@code azure-pip-name}, {@code azure-allowed-service-tags},
 * {@code ipFamilyPolicy}).
 */
public final class NlbFrontendToAzureLbRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("nlb-frontend-to-azure-lb", "NLB frontend and source ranges to Azure",
            "Translates NLB addresses, tags and source ranges into Azure load balancer annotations and Service fields.",
            Edge.LOAD_BALANCER, Direction.EKS_TO_AKS, "azure.resourceGroup");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        if (!NlbServices.inScope(object)) {
            return;
        }
        String service = NlbServices.qualified(object);
        RuleOutput.ChangeBuilder change = output.change(object)
                .summary("NLB frontend → Azure frontend")
                .rationale("EDGES.md §3.3: a private address maps to `azure-load-balancer-ipv4`, tags to "
                        + "`azure-pip-tags`, source ranges to `spec.loadBalancerSourceRanges`; Elastic IPs have no "
                        + "Azure identifier and become a pre-created static public IP named in `azure-pip-name`.");
        NlbServices.take(change, object, aws("eip-allocations")).ifPresent(v -> change.finding(Finding.actionRequired(
                service + " used Elastic IPs `" + v + "`. Create a Standard static public IP in resource group `"
                        + context.settings().text("azure.resourceGroup", "<azure.resourceGroup>") + "` (or the node "
                        + "resource group), name it in `" + AzureLbAnnotations.azure("pip-name") + "` (plus `"
                        + AzureLbAnnotations.azure("load-balancer-resource-group") + "` when outside the node "
                        + "resource group), and move DNS records to its address.")));
        NlbServices.take(change, object, aws("private-ipv4-addresses")).ifPresent(v -> {
            List<String> ips = split(v);
            if (ips.size() >= 1) {
                NlbServices.putAzure(change, object, AzureLbAnnotations.azure("load-balancer-ipv4"), ips.get(0));
                change.finding(Finding.warning("Private address " + ips.get(0) + " was carried into `"
                        + AzureLbAnnotations.azure("load-balancer-ipv4") + "`" + (ips.size() > 1 ? " (Azure takes "
                        + "one; " + ips.subList(1, ips.size()) + " dropped)" : "") + "; it must lie in the AKS "
                        + "virtual network's subnet, which an AWS VPC address rarely does."));
            }
        });
        NlbServices.take(change, object, aws("additional-resource-tags")).ifPresent(v -> NlbServices.putAzure(change,
                object, AzureLbAnnotations.azure("pip-tags"), v));
        NlbServices.take(change, object, aws("ip-address-type")).filter(v -> v.startsWith("dualstack"))
                .ifPresent(v -> change.finding(Finding.actionRequired(service + " was dual-stack on the NLB; set "
                        + "`spec.ipFamilyPolicy: PreferDualStack` and `spec.ipFamilies` on a dual-stack AKS cluster.")));
        NlbServices.take(change, object, aws("security-group-prefix-lists")).ifPresent(v -> change.finding(
                Finding.actionRequired(service + " allowed AWS prefix lists `" + v + "`; name the matching Azure "
                        + "service tags in `" + AzureLbAnnotations.azure("allowed-service-tags") + "` or list "
                        + "the CIDRs in `spec.loadBalancerSourceRanges`.")));
        NlbServices.take(change, object, NlbServices.SOURCE_RANGES).ifPresent(v -> {
            if (object.at("/spec/loadBalancerSourceRanges").isArray()) {
                change.finding(Finding.info("`load-balancer-source-ranges` was removed; the Service's "
                        + "`spec.loadBalancerSourceRanges` wins on Azure as well."));
                return;
            }
            ArrayNode ranges = JsonNodeFactory.instance.arrayNode();
            split(v).forEach(ranges::add);
            change.add("/spec/loadBalancerSourceRanges", ranges);
            if (v.contains("$")) {
                change.finding(Finding.actionRequired(service + ": source ranges `" + v + "` hold an unexpanded "
                        + "variable; substitute real CIDRs before applying."));
            }
        });
    }

    private static List<String> split(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
