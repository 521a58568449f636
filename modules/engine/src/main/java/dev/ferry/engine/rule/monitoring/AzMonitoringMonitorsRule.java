package dev.ferry.engine.rule.monitoring;

import dev.ferry.engine.Direction;
import dev.ferry.engine.Edge;
import dev.ferry.engine.Finding;
import dev.ferry.engine.rule.Rule;
import dev.ferry.engine.rule.RuleContext;
import dev.ferry.engine.rule.RuleInfo;
import dev.ferry.engine.rule.RuleOutput;
import dev.ferry.model.KubeObject;
import java.util.Set;

/**
 * Moves Azure Monitor managed Prometheus monitors ({@code azmonitoring.coreos.com/v1} PodMonitor and
 * ServiceMonitor) to the Prometheus Operator group {@code monitoring.coreos.com/v1}; the spec has the same shape.
 * The target needs something that reads them, which the finding names.
 */
public final class AzMonitoringMonitorsRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("azmonitoring-monitors-to-prometheus-operator",
            "Azure Monitor monitors to Prometheus Operator",
            "Moves azmonitoring.coreos.com PodMonitors and ServiceMonitors to monitoring.coreos.com, which the "
                    + "Prometheus Operator or the ADOT target allocator read on EKS.",
            Edge.MONITORING, Direction.AKS_TO_EKS);

    static final String AZURE_VERSION = "azmonitoring.coreos.com/v1";
    static final String TARGET_VERSION = "monitoring.coreos.com/v1";
    /** The monitor kinds both API groups serve with the same spec. */
    static final Set<String> MONITOR_KINDS = Set.of("PodMonitor", "ServiceMonitor");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void visit(KubeObject object, RuleContext context, RuleOutput output) {
        if (!AZURE_VERSION.equals(object.apiVersion())
                || !MONITOR_KINDS.contains(object.kind())) {
            return;
        }
        output.change(object)
                .summary("Move the " + object.kind() + " to monitoring.coreos.com/v1")
                .rationale("EDGES.md §9 and §10.4: `azmonitoring.coreos.com/v1` monitors have the same spec as the "
                        + "Prometheus Operator's `monitoring.coreos.com/v1`; Azure Monitor's `ama-metrics` agent that "
                        + "read them does not exist on EKS.")
                .replace("/apiVersion", TARGET_VERSION)
                .finding(Finding.warning("Something on EKS must read this " + object.kind() + ": install the "
                        + "Prometheus Operator (kube-prometheus-stack) with remote write to Amazon Managed Service for "
                        + "Prometheus, or the ADOT collector with its target allocator. The AMP managed scraper "
                        + "does not read monitors; for it, turn this into a scrape job. Until then the apply fails "
                        + "on the missing CRD."));
    }
}
