package dev.ferry.engine.rule.networking;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.Finding;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.rule.RuleInfo;
import dev.ferry.engine.rule.RuleOutput;
import dev.ferry.model.KubeObject;

/**
 * Flags Services that ask for IPv6 or dual-stack ({@code spec.ipFamilyPolicy}, {@code spec.ipFamilies}): an EKS
 * cluster has one IP family, chosen at creation, so such a Service only works as written on a cluster of the
 * matching family. The Service is left unchanged; the finding says what to check.
 */
public final class DualStackServiceRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("service-ip-families-on-eks", "IPv6 and dual-stack Services on EKS",
            "Warns about Services that require dual-stack or IPv6 addresses, which depend on the IP family the EKS "
                    + "cluster was created with.",
            Edge.NETWORKING, Direction.AKS_TO_EKS);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        if (!object.isKind("", "Service")) {
            return;
        }
        String policy = object.at("/spec/ipFamilyPolicy").asText("SingleStack");
        boolean ipv6 = false;
        for (JsonNode family : object.at("/spec/ipFamilies")) {
            ipv6 |= "IPv6".equals(family.asText());
        }
        Finding finding;
        if ("RequireDualStack".equals(policy)) {
            finding = Finding.warning("This Service requires dual-stack (`ipFamilyPolicy: RequireDualStack`). EKS "
                    + "clusters run one IP family chosen at creation (IPv4 by default, or IPv6), so the API server "
                    + "rejects it; change it to `PreferDualStack` or `SingleStack`, and for an NLB set `"
                    + "service.beta.kubernetes.io/aws-load-balancer-ip-address-type: dualstack` instead.");
        } else if ("PreferDualStack".equals(policy)) {
            finding = Finding.info("This Service prefers dual-stack; on EKS it gets a single address of the "
                    + "cluster's IP family. For dual-stack client access through an NLB set `"
                    + "service.beta.kubernetes.io/aws-load-balancer-ip-address-type: dualstack`.");
        } else if (ipv6) {
            finding = Finding.warning("This Service asks for IPv6 (`spec.ipFamilies`); it works only on an EKS "
                    + "cluster created with the IPv6 family. Check the target cluster's IP family before applying.");
        } else {
            return;
        }
        output.change(object).summary("Check the Service's IP family on EKS")
                .rationale("EDGES.md §8.4 and §3.3: AKS supports dual-stack clusters; an EKS cluster's pods and "
                        + "Services use the single IP family fixed at cluster creation, and dual-stack exposure is "
                        + "an NLB setting (`aws-load-balancer-ip-address-type`).")
                .finding(finding);
    }
}
