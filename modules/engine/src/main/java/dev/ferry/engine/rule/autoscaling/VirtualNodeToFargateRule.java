package dev.ferry.engine.rule.autoscaling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.Finding;
import dev.ferry.engine.k8s.PodTemplates;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.rule.RuleInfo;
import dev.ferry.engine.rule.RuleOutput;
import dev.ferry.model.KubeObject;
import dev.ferry.model.io.Yaml;
import java.util.Optional;

/**
 * Flags workloads that ran on AKS virtual nodes (Azure Container Instances, virtual-kubelet) with an action-required
 * finding, and drafts eksctl Fargate profiles for them in {@code autoscaling/fargate-profiles.yaml} (EDGES.md §10.4).
 * The virtual-node selectors and tolerations themselves are removed by the nodeSelector, affinity and toleration
 * rules, so without a Fargate profile the pods run on Karpenter EC2 nodes.
 */
public final class VirtualNodeToFargateRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("aks-virtual-node-to-fargate", "AKS virtual node to Fargate profile",
            "Flags workloads scheduled on AKS virtual nodes (ACI) and drafts EKS Fargate profiles for them.",
            Edge.AUTOSCALING, Direction.AKS_TO_EKS, "aws.clusterName", "aws.region");

    static final String ARTIFACT = "autoscaling/fargate-profiles.yaml";

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        if (usesVirtualNodes(object)) {
            output.finding(object, Finding.actionRequired(object.kind() + " `" + object.name() + "` ran on AKS "
                    + "virtual nodes (ACI). EKS has none: Ferry removed the virtual-node selector and tolerations, so "
                    + "it now runs on Karpenter EC2 nodes. For serverless capacity, create the EKS Fargate profile "
                    + "drafted in artifacts/" + ARTIFACT + " (Fargate has no DaemonSets, GPUs or privileged pods)."));
        }
    }

    @Override
    public void finish(RuleContext context, RuleOutput output) {
        ArrayNode profiles = JsonNodeFactory.instance.arrayNode();
        for (KubeObject object : context.estate().objects()) {
            if (!usesVirtualNodes(object)) {
                continue;
            }
            ObjectNode profile = profiles.addObject().put("name", "aci-" + object.name());
            ObjectNode selector = profile.putArray("selectors").addObject()
                    .put("namespace", object.namespace().isEmpty() ? "default" : object.namespace());
            JsonNode labels = PodTemplates.metadataPointer(object).map(p -> object.at(p + "/labels"))
                    .orElse(JsonNodeFactory.instance.missingNode());
            if (labels.isObject() && !labels.isEmpty()) {
                selector.set("labels", labels.deepCopy());
            }
        }
        if (profiles.isEmpty()) {
            return;
        }
        ObjectNode config = JsonNodeFactory.instance.objectNode().put("apiVersion", "eksctl.io/v1alpha5")
                .put("kind", "ClusterConfig");
        config.putObject("metadata")
                .put("name", context.settings().text("aws.clusterName", UserPoolToEc2NodeClassRule.CLUSTER_PLACEHOLDER))
                .put("region", context.settings().text("aws.region", "<aws.region>"));
        config.set("fargateProfiles", profiles);
        output.artifact(ARTIFACT, "# Draft EKS Fargate profiles for workloads that ran on AKS virtual nodes (ACI),\n"
                + "# EDGES.md §10.4. Merge into your eksctl ClusterConfig if they should stay serverless.\n"
                + Yaml.write(config), "EKS Fargate profiles replacing AKS virtual nodes (ACI)");
    }

    static boolean usesVirtualNodes(KubeObject object) {
        Optional<String> spec = PodTemplates.specPointer(object);
        if (spec.isEmpty()) {
            return false;
        }
        JsonNode podSpec = object.at(spec.get());
        if ("virtual-kubelet".equals(podSpec.path("nodeSelector").path("type").asText())) {
            return true;
        }
        for (JsonNode toleration : podSpec.path("tolerations")) {
            if (SpotTolerationToKarpenterRule.VIRTUAL_NODE_TAINTS.contains(toleration.path("key").asText())) {
                return true;
            }
        }
        for (JsonNode term : podSpec.at("/affinity/nodeAffinity/requiredDuringSchedulingIgnoredDuringExecution/nodeSelectorTerms")) {
            for (JsonNode expression : term.path("matchExpressions")) {
                if (expression.path("key").asText().equals("type") && expression.path("operator").asText().equals("In")
                        && expression.path("values").toString().contains("\"virtual-kubelet\"")) {
                    return true;
                }
            }
        }
        return false;
    }
}
