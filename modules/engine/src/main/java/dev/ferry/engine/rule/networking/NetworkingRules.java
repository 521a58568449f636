package dev.ferry.engine.rule.networking;

import dev.ferry.engine.rule.Rule;
import java.util.List;

/** The networking edge: zones, IP families, NetworkPolicy enforcement, VPC CNI IP capacity (EDGES.md §4.10, §8). */
public final class NetworkingRules {

    private NetworkingRules() {
    }

    /** AKS → EKS, in run order. */
    public static List<Rule> aksToEks() {
        return List.of(
                new ZoneValuesRule(),
                new DualStackServiceRule(),
                new NetworkPolicyEnforcementRule(),
                new VpcCniIpPlanRule());
    }

    /** EKS → AKS, in run order. */
    public static List<Rule> eksToAks() {
        return List.of(
                new AwsZoneValuesRule(),
                new VpcCniObjectsDropRule(),
                new VpcResourceRequestsRule());
    }
}
