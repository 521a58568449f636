package dev.ferry.engine.rule.autoscaling;

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
import java.util.Optional;

/**
 * Replaces an AKS Node Auto Provisioning {@code AKSNodeClass} with a Karpenter {@code EC2NodeClass} of the same name
 * (EDGES.md §7.5–7.6, read A→E): the AKS image family becomes the {@code al2023@latest} AMI alias, and the node role
 * and discovery tags come from {@code aws.clusterName}. AKS-only fields are listed in a finding.
 */
public final class AksNodeClassToEc2NodeClassRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("aks-nodeclass-to-ec2nodeclass", "AKSNodeClass to EC2NodeClass",
            "Replaces AKS Node Auto Provisioning AKSNodeClasses with Karpenter EC2NodeClasses of the same name.",
            Edge.AUTOSCALING, Direction.AKS_TO_EKS, "aws.clusterName");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        if (!object.isKind("karpenter.azure.com", "AKSNodeClass")) {
            return;
        }
        Optional<String> cluster = context.settings().text("aws.clusterName");
        List<Finding> findings = new ArrayList<>();
        List<String> aksOnly = new ArrayList<>();
        object.at("/spec").fieldNames().forEachRemaining(f -> {
            if (!f.equals("imageFamily")) {
                aksOnly.add(f);
            }
        });
        findings.add(Finding.info("Image family `" + object.at("/spec/imageFamily").asText("Ubuntu") + "` became the "
                + "`al2023@latest` AMI alias." + (aksOnly.isEmpty() ? "" : " AKS-only fields " + aksOnly + " were not "
                + "carried; set their EC2NodeClass counterparts (EDGES.md §7.6: osDiskSizeGB → blockDeviceMappings, "
                + "maxPods → kubelet.maxPods) if they mattered.")));
        if (cluster.isEmpty()) {
            findings.add(Finding.missingSetting("aws.clusterName", "EC2NodeClass `" + object.name() + "` needs the EKS "
                    + "cluster name for its node role and discovery tags; set `aws.clusterName`."));
        }
        output.drop(object, "AKSNodeClass replaced by EC2NodeClass `" + object.name() + "`",
                "EDGES.md §7.6: AKSNodeClass is the Azure provider's node class; Karpenter on AWS reads EC2NodeClass.");
        output.generate(UserPoolToEc2NodeClassRule.nodeClass(object.name(), "al2023@latest",
                        cluster.orElse(UserPoolToEc2NodeClassRule.CLUSTER_PLACEHOLDER)),
                "EC2NodeClass `" + object.name() + "` replacing the AKSNodeClass",
                "EDGES.md §7.5: AMI alias, node role and discovery-tag selectors for Karpenter on AWS.",
                findings.toArray(Finding[]::new));
    }
}
