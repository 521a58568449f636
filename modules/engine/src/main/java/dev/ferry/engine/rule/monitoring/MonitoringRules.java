package dev.ferry.engine.rule.monitoring;

import dev.ferry.engine.rule.Rule;
import java.util.List;

/** The monitoring edge: Azure Monitor and Application Insights to CloudWatch, AMP and ADOT (EDGES.md §9). */
public final class MonitoringRules {

    private MonitoringRules() {
    }

    /** AKS → EKS, in run order. */
    public static List<Rule> aksToEks() {
        return List.of(
                new AzMonitoringMonitorsRule(),
                new AzureMonitorConfigMapsRule(),
                new AzureMonitorAgentsRule(),
                new AppInsightsTelemetryRule());
    }

    /** EKS → AKS, in run order. */
    public static List<Rule> eksToAks() {
        return List.of(
                new CloudWatchAgentsDropRule(),
                new AdotCollectorRule(),
                new AmpObjectsRule(),
                new PrometheusMonitorsToAzMonitoringRule());
    }
}
