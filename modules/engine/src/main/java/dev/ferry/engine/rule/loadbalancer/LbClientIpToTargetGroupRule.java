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

/**
 * Keeps what a LoadBalancer Service promised about clients once the NLB sends traffic straight to pod IPs and so
 * bypasses kube-proxy: {@code externalTrafficPolicy: Local} (client source IP kept on AKS) becomes the target group
 * attribute {@code preserve_client_ip.enabled=true}, and {@code sessionAffinity: ClientIP} becomes source-IP
 * stickiness. Both spec fields are kept; they are portable and harmless.
 */
public final class LbClientIpToTargetGroupRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("lb-client-ip-to-nlb-target-group",
            "Client IP and affinity to NLB target group",
            "Turns externalTrafficPolicy Local and sessionAffinity ClientIP into NLB target group attributes that "
                    + "keep the client IP and source-IP stickiness with IP targets.",
            Edge.LOAD_BALANCER, Direction.AKS_TO_EKS);

    static final String TG_ATTRIBUTES = aws("target-group-attributes");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        if (!AzureLbAnnotations.inScope(object) || object.annotations().containsKey(TG_ATTRIBUTES)) {
            return;
        }
        boolean local = "Local".equals(object.at("/spec/externalTrafficPolicy").asText());
        boolean sticky = "ClientIP".equals(object.at("/spec/sessionAffinity").asText());
        if (!local && !sticky) {
            return;
        }
        List<String> attributes = new ArrayList<>();
        RuleOutput.ChangeBuilder change = output.change(object);
        if (local) {
            attributes.add("preserve_client_ip.enabled=true");
            change.finding(Finding.info("`externalTrafficPolicy: Local` kept the client IP on AKS; the NLB now "
                    + "preserves it through a target group attribute. With client IP preservation, a pod that calls "
                    + "this NLB and is routed back to itself times out (NLB hairpinning); use the Service's cluster "
                    + "name for in-cluster callers."));
        }
        if (sticky) {
            attributes.add("stickiness.enabled=true");
            attributes.add("stickiness.type=source_ip");
        }
        change.add(pointer(TG_ATTRIBUTES), String.join(",", attributes))
                .summary("Keep " + (local && sticky ? "client IP and source-IP affinity" : local ? "client IP"
                        : "source-IP affinity") + " on the NLB target group")
                .rationale("EDGES.md §3.3: client IP preservation corresponds to `externalTrafficPolicy: Local` and "
                        + "source-IP stickiness to `sessionAffinity: ClientIP`. With IP targets the NLB bypasses "
                        + "kube-proxy, so both must be target group attributes; client IP preservation is off by "
                        + "default for IP targets (EDGES.md §3.2).");
    }
}
