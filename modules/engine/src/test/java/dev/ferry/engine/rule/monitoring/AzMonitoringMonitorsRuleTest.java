package dev.ferry.engine.rule.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Finding;
import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import dev.ferry.model.KubeObject;
import dev.ferry.model.io.ManifestReader;
import dev.ferry.model.io.ManifestSet;
import dev.ferry.model.io.Yaml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class AzMonitoringMonitorsRuleTest {

    private final RuleHarness harness = RuleHarness.of(new AzMonitoringMonitorsRule());

    @Test
    void movesPodMonitorToPrometheusOperatorGroup() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: azmonitoring.coreos.com/v1
                kind: PodMonitor
                metadata: {name: api, namespace: shop}
                spec:
                  selector: {matchLabels: {app: api}}
                  podMetricsEndpoints: [{port: metrics}]
                """, """
                apiVersion: monitoring.coreos.com/v1
                kind: PodMonitor
                metadata: {name: api, namespace: shop}
                spec:
                  selector: {matchLabels: {app: api}}
                  podMetricsEndpoints: [{port: metrics}]
                """);
        assertThat(RuleHarness.changeFor(proposal, "PodMonitor", "api").findings())
                .singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING))
                .satisfies(f -> assertThat(f.message()).contains("Prometheus Operator", "ADOT"));
    }

    @Test
    void leavesPrometheusOperatorMonitorsAlone() {
        harness.rewriteRun("""
                apiVersion: monitoring.coreos.com/v1
                kind: ServiceMonitor
                metadata: {name: api}
                spec: {selector: {matchLabels: {app: api}}, endpoints: [{port: http}]}
                """);
    }

    @Test
    void movesCorpusServiceMonitorOfTheStoreDemo() {
        String corpus = System.getProperty("ferry.corpus", "");
        Path file = Path.of(corpus, "Azure-Samples__aks-store-demo", "kustomize", "overlays", "kaito",
                "product-service-monitor.yaml");
        Assumptions.assumeTrue(!corpus.isBlank() && Files.exists(file), "corpus not available");
        ManifestSet set = new ManifestReader().read(List.of(file));
        assertThat(set.objects()).hasSize(1);
        KubeObject monitor = set.objects().get(0);

        Proposal proposal = harness.run(Yaml.write(monitor.body()));
        KubeObject proposed = proposal.proposed().get(0);
        assertThat(proposed.apiVersion()).isEqualTo("monitoring.coreos.com/v1");
        assertThat(proposed.at("/spec")).isEqualTo(monitor.at("/spec"));
        assertThat(RuleHarness.changeFor(proposal, "ServiceMonitor", "product-service-monitor").findings())
                .extracting(Finding::severity).containsExactly(Severity.WARNING);
    }
}
