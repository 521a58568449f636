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
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class AzureSdkEnvRuleTest {

    private final RuleHarness harness = RuleHarness.of(new AzureSdkEnvRule());

    @Test
    void warnsAboutAzureIdentityVariablesWithoutRewriting() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: cart}
                spec:
                  selector: {matchLabels: {app: cart}}
                  template:
                    metadata: {labels: {app: cart}}
                    spec:
                      initContainers:
                      - name: init
                        image: i
                        env: [{name: TOKEN, value: "$(AZURE_FEDERATED_TOKEN_FILE)"}]
                      containers:
                      - name: cart
                        image: i
                        env:
                        - {name: AZURE_CLIENT_ID, value: abc}
                        - {name: AZURE_TENANT_ID, value: def}
                        - {name: AZURE_AUTHORITY_HOST, value: "https://login.microsoftonline.com/"}
                        - {name: OTHER, value: x}
                """);
        Change change = RuleHarness.changeFor(proposal, "Deployment", "cart");
        assertThat(change.patch()).isEmpty();
        assertThat(change.findings()).extracting(Finding::severity)
                .containsExactly(Severity.WARNING, Severity.WARNING);
        assertThat(change.findings().get(0).message()).contains("`init`").contains("AZURE_FEDERATED_TOKEN_FILE");
        assertThat(change.findings().get(1).message()).contains("`cart`")
                .contains("AZURE_CLIENT_ID, AZURE_TENANT_ID, AZURE_AUTHORITY_HOST").doesNotContain("OTHER");
    }

    @Test
    void ignoresOtherAzureVariables() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  containers:
                  - {name: c, image: i, env: [{name: AZURE_STORAGE_ACCOUNT, value: x}]}
                """);
        assertThat(proposal.changes()).isEmpty();
    }

    @Test
    void warnsOnTheJavaBlobSampleOfAadPodIdentity() throws Exception {
        Path file = Path.of(System.getProperty("ferry.corpus", "../shared/corpus"),
                "Azure__aad-pod-identity/examples/java-blob/deployment/deployment.yaml");
        Assumptions.assumeTrue(Files.isRegularFile(file), "corpus not available");
        String yaml = new ManifestReader().read(List.of(file)).objects().stream().map(o -> Yaml.write(o.body()))
                .collect(Collectors.joining("---\n"));
        Proposal proposal = harness.rewriteRun(yaml);
        assertThat(RuleHarness.changeFor(proposal, "Deployment", "demo-blob-deployment").findings())
                .singleElement().extracting(Finding::message).asString().contains("AZURE_CLIENT_ID");
    }
}
