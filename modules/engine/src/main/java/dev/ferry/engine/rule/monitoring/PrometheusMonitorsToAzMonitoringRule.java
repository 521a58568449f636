package dev.ferry.engine.rule.monitoring;

import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.Finding;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.rule.RuleInfo;
import dev.ferry.engine.rule.RuleOutput;
import dev.ferry.model.KubeObject;

/**
 * Moves Prometheus Operator monitors ({@code monitoring.coreos.com/v1} PodMonitor and ServiceMonitor) to Azure
 * Monitor managed Prometheus ({@code azmonitoring.coreos.com/v1}), which is what reads them on AKS; the spec has the
 * same shape (EDGES.md §9, §10). The mirror of {@link AzMonitoringMonitorsRule}. A cluster that runs the Prometheus
 * Operator itself on AKS keeps the original group: the finding says to reject the change then.
 */
public final class PrometheusMonitorsToAzMonitoringRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("prometheus-monitors-to-azmonitoring",
            "Prometheus Operator monitors to Azure Monitor",
            "Moves monitoring.coreos.com PodMonitors and ServiceMonitors to azmonitoring.coreos.com, which Azure "
                    + "Monitor managed Prometheus reads on AKS.",
            Edge.MONITORING, Direction.EKS_TO_AKS);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        if (!AzMonitoringMonitorsRule.TARGET_VERSION.equals(object.apiVersion())
                || !AzMonitoringMonitorsRule.MONITOR_KINDS.contains(object.kind())) {
            return;
        }
        output.change(object)
                .summary("Move the " + object.kind() + " to azmonitoring.coreos.com/v1")
                .rationale("EDGES.md §9 and §10: on AKS, Azure Monitor managed Prometheus (`ama-metrics`) reads "
                        + "PodMonitors and ServiceMonitors of `azmonitoring.coreos.com/v1`, with the same spec as the "
                        + "Prometheus Operator's `monitoring.coreos.com/v1`.")
                .replace("/apiVersion", AzMonitoringMonitorsRule.AZURE_VERSION)
                .finding(Finding.warning("Enable Azure Monitor managed Prometheus on the AKS cluster (`az aks "
                        + "update --enable-azure-monitor-metrics`), which installs the azmonitoring.coreos.com CRDs "
                        + "and reads this " + object.kind() + ". If the cluster runs the Prometheus Operator "
                        + "(kube-prometheus-stack) instead, reject this change to keep monitoring.coreos.com."));
    }
}
