package dev.ferry.engine.rule.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.ChangeType;
import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class AzureMonitorConfigMapsRuleTest {

    private final RuleHarness harness = RuleHarness.of(new AzureMonitorConfigMapsRule());

    @Test
    void dropsAgentConfigOutsideKubeSystemAndNamesTheReplacement() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: container-azm-ms-agentconfig, namespace: monitoring}
                data: {schema-version: v1, config-version: ver1}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: ama-metrics-prometheus-config, namespace: monitoring}
                data: {prometheus-config: "scrape_configs: []"}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: app-settings, namespace: shop}
                data: {a: b}
                """, """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: app-settings, namespace: shop}
                data: {a: b}
                """);
        var agentConfig = RuleHarness.changeFor(proposal, "ConfigMap", "container-azm-ms-agentconfig");
        assertThat(agentConfig.type()).isEqualTo(ChangeType.DROP);
        assertThat(agentConfig.findings()).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ACTION_REQUIRED))
                .satisfies(f -> assertThat(f.message()).contains("amazon-cloudwatch-observability", "Fluent Bit"));
        assertThat(RuleHarness.changeFor(proposal, "ConfigMap", "ama-metrics-prometheus-config").findings())
                .singleElement().satisfies(f -> assertThat(f.message()).contains("AMP"));
    }

    @Test
    void everyKnownConfigMapNamesAnAwsReplacement() {
        assertThat(AzureMonitorConfigMapsRule.CONFIG_MAPS).hasSize(4)
                .allSatisfy((name, text) -> assertThat(text).containsAnyOf("Amazon Managed Service for Prometheus",
                        "AMP", "amazon-cloudwatch-observability"));
    }
}
