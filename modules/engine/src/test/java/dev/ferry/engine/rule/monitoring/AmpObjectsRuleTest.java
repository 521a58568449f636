package dev.ferry.engine.rule.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.ChangeType;
import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class AmpObjectsRuleTest {

    @Test
    void removesAmpRemoteWriteFromPrometheus() {
        Proposal proposal = RuleHarness.of(new AmpObjectsRule()).rewriteRun("""
                apiVersion: monitoring.coreos.com/v1
                kind: Prometheus
                metadata: {name: k8s, namespace: monitoring}
                spec:
                  remoteWrite:
                  - url: https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-1/api/v1/remote_write
                    sigv4: {region: eu-west-1}
                  - url: https://thanos.example.com/api/v1/receive
                """, """
                apiVersion: monitoring.coreos.com/v1
                kind: Prometheus
                metadata: {name: k8s, namespace: monitoring}
                spec:
                  remoteWrite:
                  - url: https://thanos.example.com/api/v1/receive
                """);
        assertThat(RuleHarness.changeFor(proposal, "Prometheus", "k8s").findings())
                .singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ACTION_REQUIRED));
    }

    @Test
    void dropsAckAmpObjectsAndReportsConfigMaps() {
        Proposal proposal = RuleHarness.of(new AmpObjectsRule()).run("""
                apiVersion: prometheusservice.services.k8s.aws/v1alpha1
                kind: RuleGroupsNamespace
                metadata: {name: rules, namespace: monitoring}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: prometheus-agent, namespace: monitoring}
                data:
                  prometheus.yml: |
                    remote_write:
                      - url: https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-1/api/v1/remote_write
                """);
        assertThat(RuleHarness.changeFor(proposal, "RuleGroupsNamespace", "rules").type()).isEqualTo(ChangeType.DROP);
        assertThat(RuleHarness.changeFor(proposal, "ConfigMap", "prometheus-agent").findings())
                .singleElement().satisfies(f -> assertThat(f.message()).contains("Azure Monitor workspace"));
        assertThat(proposal.proposed()).hasSize(1);
    }
}
