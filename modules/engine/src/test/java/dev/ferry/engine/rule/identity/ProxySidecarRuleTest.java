package dev.ferry.engine.rule.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Change;
import dev.ferry.engine.Finding;
import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import dev.ferry.model.io.ManifestReader;
import dev.ferry.model.io.Yaml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class ProxySidecarRuleTest {

    private final RuleHarness harness = RuleHarness.of(new ProxySidecarRule());

    @Test
    void removesProxyAnnotationsAndRequiresAction() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: legacy}
                spec:
                  selector: {matchLabels: {app: legacy}}
                  template:
                    metadata:
                      labels: {app: legacy}
                      annotations:
                        azure.workload.identity/inject-proxy-sidecar: "true"
                        azure.workload.identity/proxy-sidecar-port: "8000"
                        team: a
                    spec: {containers: [{name: c, image: i}]}
                """, """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: legacy}
                spec:
                  selector: {matchLabels: {app: legacy}}
                  template:
                    metadata:
                      labels: {app: legacy}
                      annotations: {team: a}
                    spec: {containers: [{name: c, image: i}]}
                """);
        Change change = RuleHarness.changeFor(proposal, "Deployment", "legacy");
        assertThat(change.findings()).extracting(Finding::severity).containsExactly(Severity.ACTION_REQUIRED);
        assertThat(change.findings().get(0).message()).contains("AWS SDK");
    }

    @Test
    void flagsHandWrittenProxyContainersOfTheMigrationExample() throws Exception {
        Path file = Path.of(System.getProperty("ferry.corpus", "../shared/corpus"),
                "Azure__azure-workload-identity/examples/migration/pod-with-proxy-init-and-proxy-sidecar.yaml");
        Assumptions.assumeTrue(Files.isRegularFile(file), "corpus not available");
        String yaml = Yaml.write(new ManifestReader().read(List.of(file)).objects().get(0).body());
        Proposal proposal = harness.rewriteRun(yaml);
        Change change = RuleHarness.changeFor(proposal, "Pod", "httpbin-pod");
        assertThat(change.findings()).extracting(Finding::severity)
                .containsExactly(Severity.ACTION_REQUIRED, Severity.ACTION_REQUIRED);
        assertThat(change.findings().get(1).message()).contains("init-networking").contains("proxy");
    }

    @Test
    void leavesOrdinaryPodsAlone() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: v1
                kind: Pod
                metadata: {name: p, annotations: {a: b}}
                spec: {containers: [{name: c, image: nginx}]}
                """);
        assertThat(proposal.changes()).isEmpty();
    }
}
