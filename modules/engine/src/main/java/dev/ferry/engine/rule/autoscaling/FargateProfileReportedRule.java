package dev.ferry.engine.rule.autoscaling;

import com.fasterxml.jackson.databind.JsonNode;
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
 * Reports the Fargate profiles of an eksctl {@code ClusterConfig} ({@code eksctl.io/v1alpha5}): AKS has no Fargate;
 * the pods those profiles selected run on a node pool, or on AKS virtual nodes (ACI) when they need serverless
 * capacity (EDGES.md §10.1). The ClusterConfig itself is left to the rules that read it.
 */
public final class FargateProfileReportedRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("fargate-profile-reported", "Fargate profiles reported",
            "Reports eksctl Fargate profiles with the AKS capacity that replaces them.",
            Edge.AUTOSCALING, Direction.EKS_TO_AKS);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        if (!object.kind().equals("ClusterConfig") || !object.apiVersion().startsWith("eksctl.io/")) {
            return;
        }
        List<String> profiles = new ArrayList<>();
        for (JsonNode profile : object.at("/fargateProfiles")) {
            List<String> selectors = new ArrayList<>();
            for (JsonNode selector : profile.path("selectors")) {
                selectors.add(selector.path("namespace").asText("*")
                        + (selector.path("labels").isObject() ? " " + selector.path("labels") : ""));
            }
            profiles.add("`" + profile.path("name").asText() + "` (" + String.join("; ", selectors) + ")");
        }
        if (profiles.isEmpty()) {
            return;
        }
        output.change(object)
                .summary("Fargate profiles reported")
                .rationale("EDGES.md §10.1: Fargate profiles have no AKS counterpart; pods run on node pools, or on "
                        + "virtual nodes (Azure Container Instances) for serverless capacity.")
                .finding(Finding.actionRequired("eksctl ClusterConfig " + object.name() + " defines Fargate profiles "
                        + String.join(", ", profiles) + ". On AKS these pods run on a node pool (nothing to change in "
                        + "their manifests), or on virtual nodes: enable the `virtual-node` add-on and give the pods "
                        + "nodeSelector `type: virtual-kubelet` plus a toleration for `virtual-kubelet.io/provider`. "
                        + "Fargate's per-pod isolation has no AKS equivalent besides dedicated node pools or "
                        + "Kata-isolated pods."));
    }
}
