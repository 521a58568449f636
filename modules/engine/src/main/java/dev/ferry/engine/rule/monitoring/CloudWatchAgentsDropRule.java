package dev.ferry.engine.rule.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.Finding;
import dev.ferry.engine.k8s.PodTemplates;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.rule.RuleInfo;
import dev.ferry.engine.rule.RuleOutput;
import dev.ferry.model.KubeObject;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Drops the CloudWatch observability stack: everything in the {@code amazon-cloudwatch} namespace (CloudWatch agent,
 * Fluent Bit for CloudWatch Logs, their RBAC and ConfigMaps) and the namespace itself, the operator's
 * {@code AmazonCloudWatchAgent} resources, ClusterRoleBindings that only bind its ServiceAccounts, and CloudWatch
 * agent or {@code aws-for-fluent-bit} workloads elsewhere. AKS replaces them with Container Insights (EDGES.md §9).
 */
public final class CloudWatchAgentsDropRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("cloudwatch-agents-drop", "Drop the CloudWatch agents",
            "Drops the CloudWatch agent, Fluent Bit for CloudWatch and their objects, which AKS replaces with Azure Monitor Container Insights.",
            Edge.MONITORING, Direction.EKS_TO_AKS);

    static final String NAMESPACE = "amazon-cloudwatch";
    static final Pattern AGENT_IMAGE = Pattern.compile(".*/(cloudwatch-agent|aws-for-fluent-bit)(:|@|$).*");
    static final String REPLACEMENT = "On AKS, enable Container Insights (`az aks enable-addons -a monitoring`, agent "
            + "`ama-logs` in kube-system, logs in a Log Analytics workspace) and tune it with the ConfigMap "
            + "`container-azm-ms-agentconfig`; Prometheus metrics come from Azure Monitor managed Prometheus.";

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        String rationale = "EDGES.md §9: the CloudWatch agent and Fluent Bit ship metrics and logs to CloudWatch "
                + "with an IAM role; on AKS the Azure Monitor add-on does that job and nothing here would work.";
        if (PodTemplates.hasPodSpec(object) && (NAMESPACE.equals(object.namespace()) || agentOnly(object))) {
            output.drop(object, "Drop the CloudWatch agent " + object.kind() + " `" + object.name() + "`", rationale,
                    Finding.warning(object.kind() + " `" + object.name() + "` sent telemetry to CloudWatch and is not "
                            + "carried. " + REPLACEMENT));
        } else if (NAMESPACE.equals(object.namespace())
                || object.isKind("", "Namespace") && object.name().equals(NAMESPACE)
                || object.key().group().equals("cloudwatch.aws.amazon.com")
                || object.isKind("rbac.authorization.k8s.io", "ClusterRoleBinding") && bindsOnlyAgents(object)) {
            output.drop(object, "Drop `" + object.name() + "`, part of the CloudWatch observability stack", rationale,
                    Finding.info(object.kind() + " `" + object.name() + "` belongs to the CloudWatch agent or "
                            + "Fluent Bit and is not carried. " + REPLACEMENT));
        }
    }

    private static boolean agentOnly(KubeObject object) {
        List<PodTemplates.ContainerRef> containers = PodTemplates.containers(object).stream()
                .filter(c -> !c.list().equals("initContainers")).toList();
        return !containers.isEmpty() && containers.stream().allMatch(c -> AGENT_IMAGE.matcher(c.image()).matches());
    }

    private static boolean bindsOnlyAgents(KubeObject binding) {
        JsonNode subjects = binding.at("/subjects");
        if (!subjects.isArray() || subjects.isEmpty()) {
            return false;
        }
        for (JsonNode subject : subjects) {
            if (!NAMESPACE.equals(subject.path("namespace").asText())) {
                return false;
            }
        }
        return true;
    }
}
