package dev.ferry.engine.rule.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.ChangeType;
import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class AdotCollectorRuleTest {

    @Test
    void dropsCollectorExportingOnlyToAmp() {
        Proposal proposal = RuleHarness.of(new AdotCollectorRule()).run("""
                apiVersion: opentelemetry.io/v1beta1
                kind: OpenTelemetryCollector
                metadata: {name: adot, namespace: other}
                spec:
                  config:
                    exporters:
                      prometheusremotewrite: {endpoint: "https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-1/api/v1/remote_write", auth: {authenticator: sigv4auth}}
                      logging: {loglevel: info}
                    extensions: {sigv4auth: {region: eu-west-1, service: aps}}
                """);
        assertThat(proposal.proposed()).isEmpty();
        assertThat(proposal.changes()).singleElement().satisfies(c -> {
            assertThat(c.type()).isEqualTo(ChangeType.DROP);
            assertThat(c.findings()).singleElement().satisfies(f -> assertThat(f.message())
                    .contains("managed Prometheus"));
        });
    }

    @Test
    void keepsCollectorWithOtherExportersAndFlagsAwsOnes() {
        Proposal proposal = RuleHarness.of(new AdotCollectorRule()).rewriteRun("""
                apiVersion: opentelemetry.io/v1alpha1
                kind: OpenTelemetryCollector
                metadata: {name: traces, namespace: other}
                spec:
                  config: |
                    exporters:
                      awsxray: {region: eu-west-1}
                      otlp/tempo: {endpoint: "tempo:4317"}
                """);
        assertThat(RuleHarness.changeFor(proposal, "OpenTelemetryCollector", "traces").findings())
                .singleElement().satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.ACTION_REQUIRED);
                    assertThat(f.message()).contains("[awsxray]").contains("Application Insights");
                });
    }

    @Test
    void leavesCollectorWithoutAwsExportersAlone() {
        RuleHarness.of(new AdotCollectorRule()).rewriteRun("""
                apiVersion: opentelemetry.io/v1beta1
                kind: OpenTelemetryCollector
                metadata: {name: plain, namespace: other}
                spec: {config: {exporters: {otlp: {endpoint: "x:4317"}}}}
                """);
    }
}
