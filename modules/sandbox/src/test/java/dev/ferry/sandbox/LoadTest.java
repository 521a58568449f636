package dev.ferry.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadTest {

    private static final String ESTATE = """
            apiVersion: example.ferry.dev/v1
            kind: Widget
            metadata: {name: blue, namespace: shop}
            spec: {colour: blue}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: shop, labels: {app: web}}
            spec:
              replicas: 2
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec: {containers: [{name: web, image: nginx}]}
            ---
            apiVersion: v1
            kind: Node
            metadata: {name: aks-system-1, labels: {agentpool: system}}
            status: {capacity: {cpu: "4", memory: 16Gi}}
            ---
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata: {name: widgets.example.ferry.dev}
            spec:
              group: example.ferry.dev
              scope: Namespaced
              names: {kind: Widget, plural: widgets, singular: widget}
              versions:
              - name: v1
                served: true
                storage: true
                schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}
            ---
            apiVersion: v1
            kind: Namespace
            metadata: {name: shop}
            """;

    private SandboxServer sandbox;
    private KubernetesClient client;

    @BeforeEach
    void start() throws SandboxException {
        sandbox = SandboxServer.start(SandboxOptions.defaults().withReadinessDelay(Duration.ofMillis(50)));
        client = Clients.fabric8(sandbox);
    }

    @AfterEach
    void stop() {
        client.close();
        sandbox.close();
    }

    @Test
    void startsWithTheSystemNamespacesOnly() {
        assertThat(client.namespaces().list().getItems()).extracting(ns -> ns.getMetadata().getName())
                .containsExactlyInAnyOrder("default", "kube-system", "kube-public", "kube-node-lease");
    }

    @Test
    void loadsNamespacesAndCrdsBeforeTheObjectsThatNeedThem() throws SandboxException {
        sandbox.loadYaml("estate.yaml", ESTATE);

        assertThat(client.apps().deployments().inNamespace("shop").withName("web").get().getSpec().getReplicas())
                .isEqualTo(2);
        GenericKubernetesResource widget = client.genericKubernetesResources("example.ferry.dev/v1", "Widget")
                .inNamespace("shop").withName("blue").get();
        assertThat(widget.getAdditionalProperties()).containsKey("spec");
        Node node = client.nodes().withName("aks-system-1").get();
        assertThat(node.getStatus().getCapacity()).containsKey("cpu");
        assertThat(node.getMetadata().getManagedFields()).extracting(e -> e.getManager())
                .containsExactly(SandboxServer.LOAD_MANAGER);
    }

    @Test
    void servesAnObjectAtItsStatusSubresource() throws Exception {
        var response = Clients.get(sandbox, "/api/v1/namespaces/default/status");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(ObjectStore.JSON.readTree(response.body()).path("status").path("phase").asText())
                .isEqualTo("Active");
        assertThat(Clients.get(sandbox, "/api/v1/namespaces/nowhere").body()).contains("\"reason\":\"NotFound\"");
    }

    @Test
    void loadsFilesAndFolders(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("estate.yaml"), ESTATE);

        sandbox.loadFiles(java.util.List.of(dir));

        assertThat(client.apps().deployments().inAnyNamespace().list().getItems()).hasSize(1);
    }

    @Test
    void pagesListsWithLimitAndContinue() throws SandboxException {
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i < 7; i++) {
            yaml.append("---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm-").append(i)
                    .append(", namespace: default}\n");
        }
        sandbox.loadYaml("cms.yaml", yaml.toString());

        var first = client.configMaps().inNamespace("default").list(new ListOptionsBuilder().withLimit(3L).build());
        var rest = client.configMaps().inNamespace("default").list(new ListOptionsBuilder()
                .withLimit(10L).withContinue(first.getMetadata().getContinue()).build());

        assertThat(first.getItems()).extracting(cm -> cm.getMetadata().getName())
                .containsExactly("cm-0", "cm-1", "cm-2");
        assertThat(first.getMetadata().getRemainingItemCount()).isEqualTo(4L);
        assertThat(rest.getItems()).extracting(cm -> cm.getMetadata().getName())
                .containsExactly("cm-3", "cm-4", "cm-5", "cm-6");
        assertThat(rest.getMetadata().getContinue()).isNull();
        assertThat(client.configMaps().inNamespace("default").list().getItems()).hasSize(7);
    }

    @Test
    void refusesAnObjectWhoseNamespaceIsMissingAndNamesIt() {
        assertThatThrownBy(() -> sandbox.loadYaml("cm.yaml",
                "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings, namespace: nowhere}\n"))
                .isInstanceOf(SandboxException.class)
                .hasMessageContaining("ConfigMap nowhere/settings")
                .hasMessageContaining("namespaces \"nowhere\" not found");
    }

    @Test
    void loadsObjectsExportedFromAnotherClusterIgnoringTheirServerSetMetadata() throws SandboxException {
        sandbox.loadYaml("export.yaml", "apiVersion: v1\nkind: ConfigMap\n"
                + "metadata: {name: settings, namespace: default, uid: 0b6f1c2e-aaaa-bbbb-cccc-000000000000,"
                + " resourceVersion: \"99999\", generation: 7, creationTimestamp: \"2020-01-01T00:00:00Z\"}\n"
                + "data: {a: \"1\"}\n");

        var loaded = client.configMaps().inNamespace("default").withName("settings").get();
        assertThat(loaded.getData()).containsEntry("a", "1");
        assertThat(loaded.getMetadata().getUid()).isNotEqualTo("0b6f1c2e-aaaa-bbbb-cccc-000000000000");
        assertThat(loaded.getMetadata().getCreationTimestamp()).isNotEqualTo("2020-01-01T00:00:00Z");
    }

    @Test
    void refusesAKindTheServerDoesNotServe() {
        assertThatThrownBy(() -> sandbox.loadYaml("w.yaml",
                "apiVersion: example.ferry.dev/v1\nkind: Widget\nmetadata: {name: blue, namespace: default}\n"))
                .isInstanceOf(SandboxException.class)
                .hasMessageContaining("Widget default/blue")
                .hasMessageContaining("Load its CustomResourceDefinition first");
    }

    @Test
    void deletingANamespaceRemovesItsObjects() throws SandboxException {
        sandbox.loadYaml("estate.yaml", ESTATE);

        client.namespaces().withName("shop").delete();

        assertThat(client.namespaces().withName("shop").get()).isNull();
        assertThat(client.apps().deployments().inAnyNamespace().list().getItems()).isEmpty();
        assertThat(client.genericKubernetesResources("example.ferry.dev/v1", "Widget").inAnyNamespace().list()
                .getItems()).isEmpty();
        assertThat(client.nodes().list().getItems()).hasSize(1);
    }

    @Test
    void writesAKubeconfigAFreshClientCanUse(@TempDir Path dir) throws Exception {
        Path file = sandbox.writeKubeconfig(dir.resolve("sub/sandbox.kubeconfig"), "my-context");

        io.fabric8.kubernetes.client.Config config = io.fabric8.kubernetes.client.Config
                .fromKubeconfig(Files.readString(file));
        try (KubernetesClient fresh = new io.fabric8.kubernetes.client.KubernetesClientBuilder().withConfig(config)
                .build()) {
            assertThat(config.getCurrentContext().getName()).isEqualTo("my-context");
            assertThat(fresh.namespaces().withName("default").get()).isNotNull();
        }
        try (var files = Files.list(dir.resolve("sub"))) {
            assertThat(files).containsExactly(file);
        }
    }
}
