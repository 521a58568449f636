package dev.ferry.engine.rule.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Change;
import dev.ferry.engine.Finding;
import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import dev.ferry.model.KubeObject;
import dev.ferry.model.io.ManifestReader;
import dev.ferry.model.io.Yaml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class AadBindingLabelRuleTest {

    private final RuleHarness harness = RuleHarness.of(new AadBindingLabelRule());

    private static final String BINDING = """
            apiVersion: aadpodidentity.k8s.io/v1
            kind: AzureIdentityBinding
            metadata: {name: demo-binding, namespace: shop}
            spec: {azureIdentity: demo, selector: demo}
            ---
            """;

    @Test
    void setsServiceAccountAndRemovesLabel() {
        Proposal proposal = harness.rewriteRun(BINDING + """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: demo, namespace: shop, labels: {app: demo, aadpodidbinding: demo}}
                spec:
                  selector: {matchLabels: {app: demo}}
                  template:
                    metadata: {labels: {app: demo, aadpodidbinding: demo}}
                    spec: {containers: [{name: c, image: i}]}
                """, BINDING + """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: demo, namespace: shop, labels: {app: demo}}
                spec:
                  selector: {matchLabels: {app: demo}}
                  template:
                    metadata: {labels: {app: demo}}
                    spec: {serviceAccountName: demo, containers: [{name: c, image: i}]}
                """);
        assertThat(RuleHarness.changeFor(proposal, "Deployment", "demo").findings()).extracting(Finding::severity)
                .containsExactly(Severity.WARNING);
    }

    @Test
    void warnsWhenWorkloadAlreadyNamedAnotherServiceAccount() {
        Proposal proposal = harness.rewriteRun(BINDING + """
                apiVersion: v1
                kind: Pod
                metadata: {name: p, namespace: shop, labels: {aadpodidbinding: demo, app: p}}
                spec: {serviceAccount: builder, serviceAccountName: builder, containers: [{name: c, image: i}]}
                """, BINDING + """
                apiVersion: v1
                kind: Pod
                metadata: {name: p, namespace: shop, labels: {app: p}}
                spec: {serviceAccountName: demo, containers: [{name: c, image: i}]}
                """);
        Change change = RuleHarness.changeFor(proposal, "Pod", "p");
        assertThat(change.findings()).extracting(Finding::message)
                .anySatisfy(m -> assertThat(m).contains("ran as ServiceAccount `builder`"));
    }

    @Test
    void requiresActionWhenNoBindingMatches() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: v1
                kind: Pod
                metadata: {name: p, labels: {aadpodidbinding: orphan, app: p}}
                spec: {containers: [{name: c, image: i}]}
                """, """
                apiVersion: v1
                kind: Pod
                metadata: {name: p, labels: {app: p}}
                spec: {containers: [{name: c, image: i}]}
                """);
        assertThat(RuleHarness.changeFor(proposal, "Pod", "p").findings()).singleElement()
                .extracting(Finding::severity).isEqualTo(Severity.ACTION_REQUIRED);
    }

    @Test
    void movesTheAadPodIdentityDemoDeploymentOntoItsServiceAccount() throws Exception {
        Path demo = Path.of(System.getProperty("ferry.corpus", "../shared/corpus"),
                "Azure__aad-pod-identity/deploy/demo");
        Assumptions.assumeTrue(Files.isDirectory(demo), "corpus not available");
        List<KubeObject> objects = new ManifestReader().read(List.of(demo.resolve("deployment.yaml"),
                demo.resolve("aadpodidentitybinding.yaml"))).objects();
        String yaml = objects.stream().map(o -> Yaml.write(o.body())).collect(Collectors.joining("---\n"));
        Proposal proposal = harness.run(yaml);
        KubeObject deployment = proposal.proposed().stream().filter(o -> o.kind().equals("Deployment")).findFirst()
                .orElseThrow();
        assertThat(deployment.at("/spec/template/spec/serviceAccountName").asText()).isEqualTo("demo");
        assertThat(deployment.at("/spec/template/metadata/labels").has("aadpodidbinding")).isFalse();
        assertThat(deployment.labels()).doesNotContainKey("aadpodidbinding").containsEntry("app", "demo");
    }
}
