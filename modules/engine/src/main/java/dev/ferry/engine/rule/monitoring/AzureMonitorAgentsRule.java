package dev.ferry.engine.rule.monitoring;

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

/**
 * Drops the Azure Monitor agents ({@code ama-logs*}, {@code ama-metrics*}, {@code omsagent*}) and the objects that
 * belong to them (service accounts, RBAC, Services, Secrets, ConfigMaps) when they appear outside
 * {@code kube-system}. Each agent workload gets a warning naming what replaces it on EKS.
 */
public final class AzureMonitorAgentsRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("azure-monitor-agents-drop", "Drop Azure Monitor agents",
            "Drops the Azure Monitor log and metrics agents and their objects, which EKS replaces with the CloudWatch "
                    + "observability add-on and Amazon Managed Service for Prometheus.",
            Edge.MONITORING, Direction.AKS_TO_EKS);

    private static final List<String> PREFIXES = List.of("ama-logs", "ama-metrics", "omsagent");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        String name = object.name();
        if (PREFIXES.stream().noneMatch(name::startsWith)
                || object.isKind("", "ConfigMap") && AzureMonitorConfigMapsRule.CONFIG_MAPS.containsKey(name)) {
            return;
        }
        boolean metrics = name.startsWith("ama-metrics");
        String replacement = metrics
                ? "Prometheus metrics on EKS come from the Amazon Managed Service for Prometheus managed scraper, or "
                        + "an ADOT collector / Prometheus agent remote-writing to AMP."
                : "Logs and Container Insights on EKS come from the `amazon-cloudwatch-observability` add-on "
                        + "(CloudWatch agent and Fluent Bit in `amazon-cloudwatch`).";
        String rationale = "EDGES.md §9: `ama-logs`/`omsagent` (Container Insights) and `ama-metrics` (managed "
                + "Prometheus) are AKS add-on agents that send to Azure; EKS uses its own add-ons.";
        if (PodTemplates.hasPodSpec(object)) {
            output.drop(object, "Drop the Azure Monitor agent " + object.kind() + " `" + name + "`", rationale,
                    Finding.warning("The Azure Monitor agent `" + name + "` is not carried. " + replacement
                            + " Install that on the target before the first wave if you need continuous telemetry."));
        } else {
            output.drop(object, "Drop `" + name + "`, part of the Azure Monitor agent", rationale,
                    Finding.info(object.kind() + " `" + name + "` belongs to the Azure Monitor agent and is not "
                            + "carried. " + replacement));
        }
    }
}
