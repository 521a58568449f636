package dev.ferry.engine.rule.autoscaling;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.Finding;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.rule.RuleInfo;
import dev.ferry.engine.rule.RuleOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Generates the Karpenter {@code EC2NodeClass} each generated NodePool refers to, one per AKS user pool (EDGES.md
 * §7.5): the AMI alias follows the pool's OS ({@code al2023@latest} for Linux, the matching Windows alias), the node
 * role is {@code KarpenterNodeRole-<cluster>}, and subnets and security groups are discovered by the
 * {@code karpenter.sh/discovery: <cluster>} tag.
 */
public final class UserPoolToEc2NodeClassRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("aks-user-pool-to-ec2nodeclass", "AKS user pool to EC2NodeClass",
            "Generates the Karpenter EC2NodeClass for each AKS user node pool, with its AMI alias, node role and "
                    + "discovery-tag selectors.", Edge.AUTOSCALING, Direction.AKS_TO_EKS, "aws.clusterName");

    /** Stands in for the cluster name when {@code aws.clusterName} is missing; the finding names the key. */
    static final String CLUSTER_PLACEHOLDER = "<aws.clusterName>";

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void finish(RuleContext context, RuleOutput output) {
        Optional<String> cluster = context.settings().text("aws.clusterName");
        for (AksNodePool pool : AksNodePool.of(context.estate().nodes()).values()) {
            if (pool.system()) {
                continue;
            }
            List<Finding> findings = new ArrayList<>();
            if (cluster.isEmpty()) {
                findings.add(Finding.missingSetting("aws.clusterName", "EC2NodeClass `" + pool.name() + "` needs the "
                        + "EKS cluster name for its node role and discovery tags; set `aws.clusterName` (the object "
                        + "holds the placeholder `" + CLUSTER_PLACEHOLDER + "` until then)."));
            }
            String alias = amiAlias(pool);
            if (!alias.startsWith("al2023")) {
                findings.add(Finding.info("AKS pool `" + pool.name() + "` runs " + pool.os() + " (" + pool.osSku()
                        + "); the EC2NodeClass uses the `" + alias + "` AMI alias (EDGES.md §7.5)."));
            }
            output.generate(nodeClass(pool.name(), alias, cluster.orElse(CLUSTER_PLACEHOLDER)),
                    "Karpenter EC2NodeClass `" + pool.name() + "` for AKS user pool `" + pool.name() + "`",
                    "EDGES.md §7.5: a Karpenter NodePool needs an EC2NodeClass for the AMI, node IAM role, subnets "
                            + "and security groups; AKS sets these per pool itself. Subnets and security groups are "
                            + "found by the `karpenter.sh/discovery` tag the Karpenter getting-started setup applies.",
                    findings.toArray(Finding[]::new));
        }
    }

    static String amiAlias(AksNodePool pool) {
        if (!pool.os().equalsIgnoreCase("windows")) {
            return "al2023@latest";
        }
        return pool.osSku().toLowerCase(Locale.ROOT).contains("2019") ? "windows2019@latest" : "windows2022@latest";
    }

    static ObjectNode nodeClass(String name, String alias, String cluster) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode root = json.objectNode().put("apiVersion", "karpenter.k8s.aws/v1").put("kind", "EC2NodeClass");
        root.putObject("metadata").put("name", name);
        ObjectNode spec = root.putObject("spec");
        spec.put("role", "KarpenterNodeRole-" + cluster);
        spec.putArray("amiSelectorTerms").addObject().put("alias", alias);
        spec.putArray("subnetSelectorTerms").addObject().putObject("tags").put("karpenter.sh/discovery", cluster);
        spec.putArray("securityGroupSelectorTerms").addObject().putObject("tags").put("karpenter.sh/discovery", cluster);
        return root;
    }
}
