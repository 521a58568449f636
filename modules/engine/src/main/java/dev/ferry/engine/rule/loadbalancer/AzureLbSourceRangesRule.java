package dev.ferry.engine.rule.loadbalancer;

import static dev.ferry.engine.rule.loadbalancer.AzureLbAnnotations.aws;
import static dev.ferry.engine.rule.loadbalancer.AzureLbAnnotations.azure;
import static dev.ferry.engine.rule.loadbalancer.AzureLbAnnotations.pointer;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.Map;

/**
 * Carries who may reach the load balancer: {@code azure-allowed-ip-ranges} moves to the portable
 * {@code spec.loadBalancerSourceRanges} (kept as is when already set), Azure service tags become an action-required
 * finding for managed prefix lists, and the deny-all switch is removed because the NLB security group already denies
 * everything not listed.
 */
public final class AzureLbSourceRangesRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("azure-lb-source-ranges-to-nlb", "Azure LB allowed sources to NLB",
            "Moves Azure allowed IP ranges to spec.loadBalancerSourceRanges and reports Azure service tags, which need "
                    + "AWS managed prefix lists.",
            Edge.LOAD_BALANCER, Direction.AKS_TO_EKS);

    static final String ALLOWED_RANGES = azure("allowed-ip-ranges");
    static final String SERVICE_TAGS = azure("allowed-service-tags");
    static final String DENY_ALL = azure("deny-all-except-load-balancer-source-ranges");

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
        JsonNode specRanges = object.at("/spec/loadBalancerSourceRanges");
        boolean hasSpecRanges = specRanges.isArray() && !specRanges.isEmpty();
        if (!hasSpecRanges && !annotations.containsKey(ALLOWED_RANGES) && !annotations.containsKey(SERVICE_TAGS)
                && !annotations.containsKey(DENY_ALL)) {
            return;
        }
        RuleOutput.ChangeBuilder change = output.change(object)
                .summary("Carry the allowed client sources to the NLB")
                .rationale("EDGES.md §3.2: `spec.loadBalancerSourceRanges` is portable and the AWS Load Balancer "
                        + "Controller enforces it on the NLB security group, which denies every other source; Azure "
                        + "service tags are closest to AWS managed prefix lists.");
        String ranges = annotations.get(ALLOWED_RANGES);
        if (ranges != null) {
            change.remove(pointer(ALLOWED_RANGES));
            if (!hasSpecRanges && !ranges.isBlank()) {
                ArrayNode list = JsonNodeFactory.instance.arrayNode();
                Arrays.stream(ranges.split(",")).map(String::strip).filter(r -> !r.isEmpty()).forEach(list::add);
                change.add("/spec/loadBalancerSourceRanges", list);
                hasSpecRanges = true;
            } else if (hasSpecRanges) {
                change.finding(Finding.warning("Both `spec.loadBalancerSourceRanges` and `" + ALLOWED_RANGES + ": "
                        + ranges + "` were set; the spec list is kept. Check that it allows every client."));
            }
        }
        if (hasSpecRanges) {
            change.finding(Finding.info("The allowed source ranges are enforced by the security group the AWS Load "
                    + "Balancer Controller (2.6 or later) puts on the NLB; do not set `" + aws("disable-nlb-sg")
                    + "`, or the ranges only apply with client IP preservation."));
        }
        if (annotations.containsKey(SERVICE_TAGS)) {
            change.remove(pointer(SERVICE_TAGS));
            change.finding(Finding.actionRequired("The Service allowed Azure service tags `"
                    + annotations.get(SERVICE_TAGS) + "`, which do not exist on AWS. Create or pick managed prefix "
                    + "lists with the same sources and set `" + aws("security-group-prefix-lists")
                    + "` to their `pl-` ids, or list the CIDRs in `spec.loadBalancerSourceRanges`."));
        }
        if (annotations.containsKey(DENY_ALL)) {
            change.remove(pointer(DENY_ALL));
            change.finding(Finding.info("`" + DENY_ALL + "` was removed: the NLB security group already denies "
                    + "every source that is not listed."));
        }
    }
}
