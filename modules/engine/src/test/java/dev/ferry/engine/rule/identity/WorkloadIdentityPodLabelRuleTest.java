package dev.ferry.engine.rule.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Finding;
import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import dev.ferry.model.KubeObject;
import dev.ferry.model.io.ManifestReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class WorkloadIdentityPodLabelRuleTest {

    private final RuleHarness harness = RuleHarness.of(new WorkloadIdentityPodLabelRule());

    @Test
    void removesUseLabelFromDeploymentTemplate() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: cart, namespace: shop}
                spec:
                  selector: {matchLabels: {app: cart}}
                  template:
                    metadata:
                      labels: {app: cart, azure.workload.identity/use: "true"}
                    spec:
                      serviceAccountName: cart
                      containers: [{name: cart, image: cart:1}]
                """, """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: cart, namespace: shop}
                spec:
                  selector: {matchLabels: {app: cart}}
                  template:
                    metadata:
                      labels: {app: cart}
                    spec:
                      serviceAccountName: cart
                      containers: [{name: cart, image: cart:1}]
                """);
        assertThat(RuleHarness.changeFor(proposal, "Deployment", "cart").findings())
                .singleElement().satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.WARNING);
                    assertThat(f.message()).contains("AWS SDK");
                });
    }

    @Test
    void removesUseLabelFromCronJobAndPod() {
        harness.rewriteRun("""
                apiVersion: batch/v1
                kind: CronJob
                metadata: {name: nightly}
                spec:
                  schedule: "0 1 * * *"
                  jobTemplate:
                    spec:
                      template:
                        metadata: {labels: {azure.workload.identity/use: "true", job: nightly}}
                        spec: {containers: [{name: c, image: i}], restartPolicy: Never}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: tool, labels: {azure.workload.identity/use: "true", app: tool}}
                spec: {containers: [{name: c, image: i}]}
                """, """
                apiVersion: batch/v1
                kind: CronJob
                metadata: {name: nightly}
                spec:
                  schedule: "0 1 * * *"
                  jobTemplate:
                    spec:
                      template:
                        metadata: {labels: {job: nightly}}
                        spec: {containers: [{name: c, image: i}], restartPolicy: Never}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: tool, labels: {app: tool}}
                spec: {containers: [{name: c, image: i}]}
                """);
    }

    @Test
    void removesLabelFromSelectorWhenOtherLabelsRemain() {
        harness.rewriteRun("""
                apiVersion: apps/v1
                kind: StatefulSet
                metadata: {name: db, labels: {azure.workload.identity/use: "true", app: db}}
                spec:
                  selector: {matchLabels: {app: db, azure.workload.identity/use: "true"}}
                  template:
                    metadata: {labels: {app: db, azure.workload.identity/use: "true"}}
                    spec: {containers: [{name: db, image: db:1}]}
                """, """
                apiVersion: apps/v1
                kind: StatefulSet
                metadata: {name: db, labels: {app: db}}
                spec:
                  selector: {matchLabels: {app: db}}
                  template:
                    metadata: {labels: {app: db}}
                    spec: {containers: [{name: db, image: db:1}]}
                """);
    }

    @Test
    void keepsLabelThatIsTheOnlySelectorLabel() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: odd}
                spec:
                  selector: {matchLabels: {azure.workload.identity/use: "true"}}
                  template:
                    metadata: {labels: {azure.workload.identity/use: "true"}}
                    spec: {containers: [{name: c, image: i}]}
                """);
        assertThat(RuleHarness.changeFor(proposal, "Deployment", "odd").findings())
                .extracting(Finding::severity).containsExactlyInAnyOrder(Severity.INFO, Severity.WARNING);
    }

    @Test
    void keepsLabelAServiceSelectsOn() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: api, namespace: shop}
                spec:
                  selector: {matchLabels: {app: api}}
                  template:
                    metadata: {labels: {app: api, azure.workload.identity/use: "true"}}
                    spec: {containers: [{name: c, image: i}]}
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: wi-pods, namespace: shop}
                spec: {selector: {azure.workload.identity/use: "true"}, ports: [{port: 80}]}
                """);
        assertThat(RuleHarness.changeFor(proposal, "Deployment", "api").findings())
                .anySatisfy(f -> assertThat(f.message()).contains("Service `wi-pods`"));
    }

    @Test
    void leavesWorkloadsWithoutTheLabelAlone() {
        harness.rewriteRun("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web}
                spec:
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: web}}
                    spec: {containers: [{name: c, image: i}]}
                """);
    }

    @Test
    void removesLabelFromAksStoreDemoDeployment() throws Exception {
        Path file = Path.of(System.getProperty("ferry.corpus", "../shared/corpus"),
                "Azure-Samples__aks-store-demo/kustomize/overlays/azd/order-service/deployment.yaml");
        Assumptions.assumeTrue(Files.isRegularFile(file), "corpus not available");
        List<KubeObject> objects = new ManifestReader().read(List.of(file)).objects();
        String yaml = dev.ferry.model.io.Yaml.write(objects.get(0).body());
        Proposal proposal = harness.run(yaml);
        KubeObject proposed = proposal.proposed().get(0);
        assertThat(proposed.at("/spec/template/metadata/labels").has("azure.workload.identity/use")).isFalse();
        assertThat(proposed.at("/spec/template/metadata/labels/app").asText()).isEqualTo("order-service");
        assertThat(RuleHarness.changeFor(proposal, "Deployment", "order-service").patch()).hasSize(1);
    }
}
