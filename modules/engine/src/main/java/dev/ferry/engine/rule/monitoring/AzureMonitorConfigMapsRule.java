package dev.ferry.engine.rule.monitoring;

import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.Finding;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.rule.RuleInfo;
import dev.ferry.engine.rule.RuleOutput;
import dev.ferry.model.KubeObject;
import java.util.Map;

/**
 * Drops the ConfigMaps that configure Azure Monitor's agents (Container Insights log collection and managed
 * Prometheus scraping) in whatever namespace they appear, each with an action-required finding naming where that
 * configuration lives on EKS: the {@code amazon-cloudwatch-observability} add-on, Fluent Bit, or an Amazon Managed
 * Service for Prometheus scrape configuration.
 */
public final class AzureMonitorConfigMapsRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("azure-monitor-configmaps-drop", "Drop Azure Monitor agent ConfigMaps",
            "Drops the Azure Monitor agent ConfigMaps and says where their settings go on EKS.",
            Edge.MONITORING, Direction.AKS_TO_EKS);

    /** ConfigMap name → what replaces it on EKS. */
    static final Map<String, String> CONFIG_MAPS = Map.of(
            "container-azm-ms-agentconfig", "It configured Container Insights log collection (stdout/stderr, "
                    + "excluded namespaces, environment variables). On EKS enable the "
                    + "`amazon-cloudwatch-observability` add-on and carry these settings into its configuration "
                    + "values (for example "
                    + "`{\"containerLogs\":{\"enabled\":false}}`) or into Fluent Bit filters such as `Exclude_Path`.",
            "ama-metrics-settings-configmap", "It chose Azure managed Prometheus default targets, keep-lists and "
                    + "scrape intervals. On EKS set the same jobs and intervals in the Amazon Managed Service for "
                    + "Prometheus scraper configuration, or in the ADOT/Prometheus agent that remote-writes to AMP.",
            "ama-metrics-prometheus-config", "It held custom cluster-wide Prometheus scrape jobs. Copy its "
                    + "`prometheus-config` scrape_configs into the AMP managed scraper configuration, or into the "
                    + "ADOT/Prometheus agent that remote-writes to AMP.",
            "ama-metrics-prometheus-config-node", "It held per-node Prometheus scrape jobs run by the "
                    + "`ama-metrics-node` "
                    + "DaemonSet. Run them from an ADOT collector or Prometheus agent DaemonSet that remote-writes to "
                    + "Amazon Managed Service for Prometheus.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        if (!object.isKind("", "ConfigMap") || !CONFIG_MAPS.containsKey(object.name())) {
            return;
        }
        output.drop(object, "Drop the Azure Monitor agent configuration `" + object.name() + "`",
                "EDGES.md §9: Azure Monitor's agents (`ama-logs`, `ama-metrics`) read this ConfigMap and do not run "
                        + "on EKS; `container-azm-ms-agentconfig` has no direct CloudWatch counterpart.",
                Finding.actionRequired(CONFIG_MAPS.get(object.name())));
    }
}
