package dev.ferry.engine.rule.autoscaling;

import dev.ferry.engine.rule.Rule;
import java.util.List;

/** The autoscaling edge's rules (AKS node pools and Cluster Autoscaler → Karpenter), in run order. */
public final class AutoscalingRules {

    private AutoscalingRules() {
    }

    /** AKS → EKS: generated node capacity first, then the workload-side rewrites that refer to it. */
    public static List<Rule> aksToEks() {
        return List.of(
                new UserPoolToKarpenterNodePoolRule(),
                new UserPoolToEc2NodeClassRule(),
                new SystemPoolToManagedNodeGroupRule(),
                new NapNodePoolToAwsRule(),
                new AksNodeClassToEc2NodeClassRule(),
                new NodeSelectorToEksRule(),
                new NodeAffinityToEksRule(),
                new SpotTolerationToKarpenterRule(),
                new VirtualNodeToFargateRule(),
                new SafeToEvictToDoNotDisruptRule(),
                new ClusterAutoscalerStatusDropRule());
    }

    /**
     * EKS → AKS: capacity first (Karpenter NodePools and node classes, managed node groups, Fargate), then the
     * workload-side rewrites that refer to it. {@code autoscaling.mode} (node-pools | nap) picks between the
     * node-pool and the Node Auto Provisioning rules.
     */
    public static List<Rule> eksToAks() {
        return List.of(
                new KarpenterNodePoolToAksNodePoolRule(),
                new KarpenterNodePoolToNapRule(),
                new Ec2NodeClassToAksNodeClassRule(),
                new ManagedNodeGroupToAksNodePoolRule(),
                new FargateProfileReportedRule(),
                new EksNodeSelectorToAksRule(),
                new EksNodeAffinityToAksRule(),
                new AksSpotTolerationRule());
    }
}
