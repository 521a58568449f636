package dev.ferry.engine.rule.loadbalancer;

import static dev.ferry.engine.rule.loadbalancer.AzureLbAnnotations.aws;
import static dev.ferry.engine.rule.loadbalancer.AzureLbAnnotations.azure;
import static dev.ferry.engine.rule.loadbalancer.AzureLbAnnotations.pointer;

import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.Finding;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.rule.RuleInfo;
import dev.ferry.engine.rule.RuleOutput;
import dev.ferry.model.KubeObject;
import java.util.Map;

/**
 * Handles what an Azure Service says about its frontend address: fixed IPs ({@code azure-load-balancer-ipv4/-ipv6},
 * {@code spec.loadBalancerIP}), existing public IPs and prefixes, their resource group, DNS label and tags. Azure
 * addresses and names cannot exist in AWS, so each becomes a finding naming the NLB annotation to fill
 * ({@code aws-load-balancer-eip-allocations}, {@code -private-ipv4-addresses}); public IP tags become resource tags.
 */
public final class AzureLbFrontendIpRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("azure-lb-frontend-ip-to-nlb", "Azure LB frontend IP to NLB addresses",
            "Replaces Azure fixed frontend IPs, public IP names, DNS labels and public IP tags with NLB Elastic IP, "
                    + "private address and resource tag annotations or findings.",
            Edge.LOAD_BALANCER, Direction.AKS_TO_EKS);

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
        RuleOutput.ChangeBuilder change = output.change(object)
                .summary("Replace Azure frontend IP settings with NLB address settings")
                .rationale("EDGES.md §3.2: Azure public IPs, fixed frontend IPs and DNS labels have no NLB "
                        + "annotation that can reuse them; an NLB takes pre-allocated Elastic IPs "
                        + "(`aws-load-balancer-eip-allocations`, internet-facing) or private IPs "
                        + "(`aws-load-balancer-private-ipv4-addresses`, internal), one per subnet, and always gets an "
                        + "`*.elb.<region>.amazonaws.com` name (EDGES.md §3.4).");
        boolean internal = "true".equalsIgnoreCase(annotations.getOrDefault(AzureLbAnnotations.INTERNAL, ""))
                || "internal".equals(annotations.get(AzureLbServiceToNlbRule.SCHEME));
        String ipTarget = internal
                ? "choose one free private IP per NLB subnet and set `" + aws("private-ipv4-addresses") + "`"
                : "allocate one Elastic IP per NLB subnet and set `" + aws("eip-allocations") + "` to their ids";
        String loadBalancerIp = object.at("/spec/loadBalancerIP").asText("");
        if (!loadBalancerIp.isBlank()) {
            change.remove("/spec/loadBalancerIP");
            change.finding(Finding.actionRequired("The Service pinned the Azure address " + loadBalancerIp
                    + " (`spec.loadBalancerIP`), which cannot move to AWS: " + ipTarget
                    + ", then update clients and DNS records that use the old address."));
        }
        for (String family : new String[] {"ipv4", "ipv6"}) {
            String key = azure("load-balancer-" + family);
            if (annotations.containsKey(key)) {
                change.remove(pointer(key));
                change.finding(Finding.actionRequired("The Service pinned the Azure address `" + annotations.get(key)
                        + "` (" + key + "), which cannot move to AWS: " + ipTarget
                        + (family.equals("ipv6") ? " (IPv6: `" + aws("ipv6-addresses") + "` on a dual-stack NLB)" : "")
                        + ", then update clients and DNS records that use the old address."));
            }
        }
        for (String key : new String[] {azure("pip-name"), azure("pip-name-ipv6"), azure("pip-prefix-id"),
                azure("pip-prefix-id-ipv6")}) {
            if (annotations.containsKey(key)) {
                change.remove(pointer(key));
                change.finding(Finding.actionRequired("The Service used the Azure public IP resource `"
                        + annotations.get(key) + "` (" + key + "). Allocate Elastic IPs (from your BYOIP pool if "
                        + "the address must stay yours), one per NLB subnet, and set `" + aws("eip-allocations")
                        + "`; this works only with scheme internet-facing."));
            }
        }
        removeWith(change, annotations, azure("load-balancer-resource-group"), Finding.info("`"
                + azure("load-balancer-resource-group") + "` was removed: Elastic IPs are scoped to the account and "
                + "region, not to a resource group."));
        String dnsLabel = annotations.get(azure("dns-label-name"));
        removeWith(change, annotations, azure("dns-label-name"), dnsLabel == null || dnsLabel.isBlank()
                ? Finding.info("An empty `" + azure("dns-label-name") + "` was removed; it had no effect.")
                : Finding.actionRequired("The Azure DNS name `" + dnsLabel.strip() + ".<region>.cloudapp.azure.com` "
                        + "does not exist on AWS; the NLB gets a generated `*.elb.<region>.amazonaws.com` name. "
                        + "Create a Route 53 record for it (or run ExternalDNS with annotation "
                        + "`external-dns.alpha.kubernetes.io/hostname`) and move clients to that name."));
        String tags = annotations.get(azure("pip-tags"));
        if (tags != null) {
            change.remove(pointer(azure("pip-tags")));
            if (!tags.isBlank() && !annotations.containsKey(aws("additional-resource-tags"))) {
                change.add(pointer(aws("additional-resource-tags")), tags.strip());
            }
        }
        removeWith(change, annotations, azure("pip-ip-tags"), Finding.info("`" + azure("pip-ip-tags")
                + "` was removed: Elastic IPs have no IP tags (such as Azure routing preference)."));
        removeWith(change, annotations, azure("additional-public-ips"), Finding.warning("The Service was also "
                + "reachable through cross-region public IPs `" + annotations.get(azure("additional-public-ips"))
                + "`; an NLB has no such setting. Put AWS Global Accelerator in front of the NLB if clients need a "
                + "global address."));
    }

    private static void removeWith(RuleOutput.ChangeBuilder change, Map<String, String> annotations, String key,
                                   Finding finding) {
        if (annotations.containsKey(key)) {
            change.remove(pointer(key));
            change.finding(finding);
        }
    }
}
