package dev.ferry.engine.rule.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Finding;
import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class AzureMonitorAgentsRuleTest {

    private final RuleHarness harness = RuleHarness.of(new AzureMonitorAgentsRule());

    @Test
    void dropsAgentWorkloadsAndTheirObjects() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: apps/v1
                kind: DaemonSet
                metadata: {name: ama-logs, namespace: monitoring}
                spec: {template: {spec: {containers: [{name: ama-logs, image: mcr.microsoft.com/azuremonitor/containerinsights/ciprod:3.1}]}}}
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: ama-metrics, namespace: monitoring}
                spec: {template: {spec: {containers: [{name: prometheus-collector, image: mcr.microsoft.com/azuremonitor/containerinsights/ciprod/prometheus-collector/images:6}]}}}
                ---
                apiVersion: v1
                kind: ServiceAccount
                metadata: {name: omsagent, namespace: monitoring}
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: amazing-app, namespace: shop}
                spec: {template: {spec: {containers: [{name: app, image: app}]}}}
                """, """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: amazing-app, namespace: shop}
                spec: {template: {spec: {containers: [{name: app, image: app}]}}}
                """);
        assertThat(RuleHarness.changeFor(proposal, "DaemonSet", "ama-logs").findings())
                .singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING))
                .satisfies(f -> assertThat(f.message()).contains("amazon-cloudwatch-observability"));
        assertThat(RuleHarness.changeFor(proposal, "Deployment", "ama-metrics").findings())
                .singleElement().satisfies(f -> assertThat(f.message()).contains("Amazon Managed Service for Prometheus"));
        assertThat(RuleHarness.changeFor(proposal, "ServiceAccount", "omsagent").findings())
                .extracting(Finding::severity).containsExactly(Severity.INFO);
    }

    @Test
    void leavesTheNamedConfigMapsToTheirOwnRule() {
        harness.rewriteRun("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: ama-metrics-settings-configmap, namespace: monitoring}
                data: {a: b}
                """);
    }
}
