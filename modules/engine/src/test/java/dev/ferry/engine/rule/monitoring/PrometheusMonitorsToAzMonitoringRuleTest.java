package dev.ferry.engine.rule.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class PrometheusMonitorsToAzMonitoringRuleTest {

    private final RuleHarness harness = RuleHarness.of(new PrometheusMonitorsToAzMonitoringRule());

    @Test
    void movesServiceAndPodMonitorsToAzureMonitorsGroup() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: monitoring.coreos.com/v1
                kind: ServiceMonitor
                metadata: {name: shop-apis, namespace: ops}
                spec:
                  selector: {matchLabels: {metrics: "true"}}
                  endpoints: [{port: metrics, interval: 30s}]
                ---
                apiVersion: monitoring.coreos.com/v1
                kind: PodMonitor
                metadata: {name: node-exporter, namespace: ops}
                spec:
                  selector: {matchLabels: {app: node-exporter}}
                  podMetricsEndpoints: [{port: metrics}]
                """, """
                apiVersion: azmonitoring.coreos.com/v1
                kind: ServiceMonitor
                metadata: {name: shop-apis, namespace: ops}
                spec:
                  selector: {matchLabels: {metrics: "true"}}
                  endpoints: [{port: metrics, interval: 30s}]
                ---
                apiVersion: azmonitoring.coreos.com/v1
                kind: PodMonitor
                metadata: {name: node-exporter, namespace: ops}
                spec:
                  selector: {matchLabels: {app: node-exporter}}
                  podMetricsEndpoints: [{port: metrics}]
                """);
        assertThat(RuleHarness.changeFor(proposal, "ServiceMonitor", "shop-apis").findings())
                .singleElement().satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.WARNING);
                    assertThat(f.message()).contains("enable-azure-monitor-metrics").contains("reject this change");
                });
    }

    @Test
    void leavesOtherPrometheusOperatorObjectsAlone() {
        harness.rewriteRun("""
                apiVersion: monitoring.coreos.com/v1
                kind: PrometheusRule
                metadata: {name: alerts, namespace: ops}
                spec: {groups: []}
                """);
    }
}
