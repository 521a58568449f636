package dev.ferry.engine.rule.loadbalancer;

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
import java.util.regex.Matcher;

/**
 * Removes every cloud-provider-azure Service annotation that no other rule of this edge translates, each with a
 * finding: the known ones with no NLB counterpart (shared security rules, floating IP, HA ports, load balancer mode
 * and placement, per-port rule switches), unknown {@code azure-*} keys, and Azure keys on Services the Azure cloud
 * provider never reconciled. After this edge no {@code service.beta.kubernetes.io/azure-*} key survives.
 */
public final class AzureLbUnsupportedAnnotationsRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("azure-lb-unsupported-annotations", "Remove Azure-only LB annotations",
            "Removes Azure load balancer annotations that have no NLB counterpart and says what each one did.",
            Edge.LOAD_BALANCER, Direction.AKS_TO_EKS);

    private static final Map<String, String> KNOWN = Map.of(
            azure("shared-securityrule"), "each NLB has its own security group, so rules are not shared",
            azure("disable-load-balancer-floating-ip"), "an NLB has no floating IP (direct server return) setting",
            azure("load-balancer-mode"), "it selects a Basic SKU load balancer per VM set, which does not apply",
            azure("load-balancer-configurations"), "it places the Service on one of several Azure load balancers; "
                    + "the controller creates one NLB per Service",
            azure("load-balancer-enable-high-availability-ports"), "");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        if (!object.isKind("", "Service")) {
            return;
        }
        boolean inScope = AzureLbAnnotations.inScope(object);
        RuleOutput.ChangeBuilder change = output.change(object)
                .summary("Remove Azure load balancer annotations with no NLB counterpart")
                .rationale("EDGES.md §3.2 lists these cloud-provider-azure annotations as having no AWS Load "
                        + "Balancer Controller equivalent; an Azure key left on the Service would only mislead.");
        for (Map.Entry<String, String> entry : object.annotations().entrySet()) {
            String key = entry.getKey();
            if (!AzureLbAnnotations.isAzureKey(key) || inScope && AzureLbAnnotations.translatedBySpecificRule(key)) {
                continue;
            }
            change.remove(pointer(key));
            change.finding(findingFor(key, entry.getValue(), inScope));
        }
    }

    private static Finding findingFor(String key, String value, boolean inScope) {
        if (!inScope) {
            return Finding.info("`" + key + "` was removed: the Azure cloud provider only reads it on a "
                    + "`type: LoadBalancer` Service without a load balancer class, so it had no effect here.");
        }
        if (key.equals(azure("load-balancer-enable-high-availability-ports"))) {
            return Finding.warning("`" + key + ": " + value + "` forwarded every port of the internal load balancer; "
                    + "an NLB forwards only the Service's listed ports. List every port the clients use in "
                    + "`spec.ports`.");
        }
        String reason = KNOWN.get(key);
        if (reason != null) {
            return Finding.info("`" + key + "` was removed: " + reason + ".");
        }
        Matcher port = AzureLbAnnotations.PORT_KEY.matcher(key);
        if (port.matches()) {
            return Finding.warning("`" + key + ": " + value + "` has no NLB counterpart: the controller creates a "
                    + "listener and health check for every port. If port " + port.group(1) + " must not be exposed, "
                    + "move it to a ClusterIP Service.");
        }
        return Finding.warning("`" + key + ": " + value + "` is an Azure load balancer setting Ferry does not know; "
                + "it was removed. Check what it did and whether the NLB needs an equivalent `"
                + AzureLbAnnotations.aws("*") + "` annotation.");
    }
}
