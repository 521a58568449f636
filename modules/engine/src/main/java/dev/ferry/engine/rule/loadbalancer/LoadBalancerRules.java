package dev.ferry.engine.rule.loadbalancer;

import dev.ferry.engine.rule.Rule;
import java.util.List;

/** The load-balancer edge: Services of {@code type: LoadBalancer} (EDGES.md §3). */
public final class LoadBalancerRules {

    private LoadBalancerRules() {
    }

    /** AKS → EKS, in run order: provisioning first, then each group of Azure annotations, the catch-all last. */
    public static List<Rule> aksToEks() {
        return List.of(
                new AzureLbServiceToNlbRule(),
                new AzureLbHealthProbeRule(),
                new AzureLbIdleTimeoutRule(),
                new AzureLbFrontendIpRule(),
                new AzureLbSourceRangesRule(),
                new LbClientIpToTargetGroupRule(),
                new AzureLbPrivateLinkRule(),
                new AzureLbUnsupportedAnnotationsRule());
    }

    /** EKS → AKS, in run order: provisioning first, then each group of AWS annotations, the catch-all last. */
    public static List<Rule> eksToAks() {
        return List.of(
                new NlbServiceToAzureLbRule(),
                new NlbHealthCheckToAzureProbeRule(),
                new NlbAttributesToAzureLbRule(),
                new NlbFrontendToAzureLbRule(),
                new NlbUnsupportedAnnotationsRule(),
                new TargetGroupBindingDroppedRule());
    }
}
