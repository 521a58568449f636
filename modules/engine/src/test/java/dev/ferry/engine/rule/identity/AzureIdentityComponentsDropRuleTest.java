package dev.ferry.engine.rule.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Change;
import dev.ferry.engine.ChangeType;
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

class AzureIdentityComponentsDropRuleTest {

    private final RuleHarness harness = RuleHarness.of(new AzureIdentityComponentsDropRule());

    private static String corpus(String file) {
        Path path = Path.of(System.getProperty("ferry.corpus", "../shared/corpus"), file);
        Assumptions.assumeTrue(Files.isRegularFile(path), "corpus not available");
        List<KubeObject> objects = new ManifestReader().read(List.of(path)).objects();
        return objects.stream().map(o -> Yaml.write(o.body())).collect(Collectors.joining("---\n"));
    }

    @Test
    void dropsTheWholeWorkloadIdentityWebhookInstall() {
        Proposal proposal = harness.rewriteRun(corpus("Azure__azure-workload-identity/deploy/azure-wi-webhook.yaml"),
                "");
        assertThat(proposal.changes()).hasSize(12).allMatch(c -> c.type() == ChangeType.DROP);
    }

    @Test
    void dropsAadPodIdentityControllersCrdsAndTheirRbac() {
        Proposal proposal = harness.run(corpus("Azure__aad-pod-identity/deploy/infra/deployment-rbac.yaml"));
        assertThat(proposal.changes()).allMatch(c -> c.type() == ChangeType.DROP)
                .extracting(c -> c.resource().kind() + "/" + c.resource().name())
                .contains("CustomResourceDefinition/azureidentities.aadpodidentity.k8s.io", "DaemonSet/nmi",
                        "Deployment/mic", "ServiceAccount/aad-pod-id-nmi-service-account",
                        "ClusterRoleBinding/aad-pod-id-nmi-binding", "ClusterRoleBinding/aad-pod-id-mic-binding");
        Change nmi = RuleHarness.changeFor(proposal, "DaemonSet", "nmi");
        assertThat(nmi.rationale()).contains("mcr.microsoft.com/oss/azure/aad-pod-identity/nmi");
    }

    @Test
    void dropsTheKustomizeBaseWebhookConfiguration() {
        Proposal proposal = harness.rewriteRun(corpus("Azure__azure-workload-identity/config/webhook/manifests.yaml")
                + """
                ---
                apiVersion: admissionregistration.k8s.io/v1
                kind: MutatingWebhookConfiguration
                metadata: {name: other}
                webhooks: [{name: mutate.example.com, sideEffects: None, admissionReviewVersions: [v1]}]
                """, """
                apiVersion: admissionregistration.k8s.io/v1
                kind: MutatingWebhookConfiguration
                metadata: {name: other}
                webhooks: [{name: mutate.example.com, sideEffects: None, admissionReviewVersions: [v1]}]
                """);
        assertThat(RuleHarness.changeFor(proposal, "MutatingWebhookConfiguration", "mutating-webhook-configuration")
                .type()).isEqualTo(ChangeType.DROP);
    }

    @Test
    void keepsWorkloadsAndAccountsThatAreNotAzureComponents() {
        harness.rewriteRun("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: mixed, namespace: shop}
                spec:
                  selector: {matchLabels: {app: mixed}}
                  template:
                    metadata: {labels: {app: mixed}}
                    spec:
                      serviceAccountName: shared
                      containers:
                      - {name: nmi, image: "mcr.microsoft.com/oss/azure/aad-pod-identity/nmi:v1.8.17"}
                      - {name: app, image: app:1}
                ---
                apiVersion: v1
                kind: ServiceAccount
                metadata: {name: shared, namespace: shop}
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: RoleBinding
                metadata: {name: shared, namespace: shop}
                roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: r}
                subjects: [{kind: ServiceAccount, name: shared}]
                ---
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata: {name: widgets.example.com}
                spec: {group: example.com, names: {kind: Widget, plural: widgets}, scope: Namespaced, versions: []}
                """);
    }
}
