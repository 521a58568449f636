package dev.ferry.engine.rule.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class AppInsightsTelemetryRuleTest {

    private final RuleHarness harness = RuleHarness.of(new AppInsightsTelemetryRule());

    @Test
    void warnsAboutConnectionStringAndInstrumentationKey() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: orders, namespace: shop}
                spec:
                  template:
                    spec:
                      containers:
                        - name: api
                          image: orders
                          env:
                            - name: APPLICATIONINSIGHTS_CONNECTION_STRING
                              valueFrom: {secretKeyRef: {name: ai, key: conn}}
                      initContainers:
                        - name: migrate
                          image: orders-migrate
                          env: [{name: APPINSIGHTS_INSTRUMENTATIONKEY, value: 00000000-0000-0000-0000-000000000000}]
                """);
        var finding = RuleHarness.changeFor(proposal, "Deployment", "orders").findings().get(0);
        assertThat(finding.severity()).isEqualTo(Severity.WARNING);
        assertThat(finding.message()).contains("APPLICATIONINSIGHTS_CONNECTION_STRING", "`migrate`", "ADOT",
                "Application Signals").doesNotContain("00000000-0000");
    }

    @Test
    void warnsAboutPodAnnotationsMentioningApplicationInsights() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: batch/v1
                kind: CronJob
                metadata: {name: report}
                spec:
                  schedule: "0 * * * *"
                  jobTemplate:
                    spec:
                      template:
                        metadata:
                          annotations: {telemetry.example.com/sink: applicationinsights}
                        spec: {containers: [{name: report, image: report}], restartPolicy: Never}
                """);
        assertThat(RuleHarness.changeFor(proposal, "CronJob", "report").findings()).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("telemetry.example.com/sink"));
    }

    @Test
    void saysNothingAboutOtherWorkloads() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web}
                spec: {template: {spec: {containers: [{name: web, image: nginx, env: [{name: PORT, value: "80"}]}]}}}
                """);
        assertThat(proposal.changes()).isEmpty();
    }
}
