package dev.ferry.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ServerSideApplyTest {

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
    void createsAnAbsentObjectAndRecordsTheManager() {
        ConfigMap applied = apply("ferry", Map.of("a", "1", "b", "2"));

        assertThat(applied.getMetadata().getUid()).isNotBlank();
        assertThat(applied.getMetadata().getCreationTimestamp()).isNotBlank();
        ManagedFieldsEntry entry = applied.getMetadata().getManagedFields().get(0);
        assertThat(entry.getManager()).isEqualTo("ferry");
        assertThat(entry.getOperation()).isEqualTo("Apply");
        assertThat(entry.getFieldsV1().getAdditionalProperties()).containsKey("f:data");
        assertThat(sandbox.requests().countWrites("PATCH", "/api/v1/namespaces/default/configmaps/settings"))
                .isEqualTo(1);
    }

    @Test
    void updatesAndRemovesWhatTheSameManagerNoLongerSends() {
        ConfigMap first = apply("ferry", Map.of("a", "1", "b", "2"));
        ConfigMap second = apply("ferry", Map.of("a", "changed"));

        assertThat(second.getData()).containsExactlyEntriesOf(Map.of("a", "changed"));
        assertThat(Long.parseLong(second.getMetadata().getResourceVersion()))
                .isGreaterThan(Long.parseLong(first.getMetadata().getResourceVersion()));
        assertThat(second.getMetadata().getUid()).isEqualTo(first.getMetadata().getUid());
    }

    @Test
    void keepsFieldsAnotherManagerSetWhenTheFirstStopsSendingThem() {
        apply("ferry", Map.of("a", "1"));
        apply("other", Map.of("b", "2"));
        ConfigMap after = apply("ferry", Map.of("a", "1"));

        assertThat(after.getData()).containsExactlyInAnyOrderEntriesOf(Map.of("a", "1", "b", "2"));
        assertThat(after.getMetadata().getManagedFields()).extracting(ManagedFieldsEntry::getManager)
                .containsExactlyInAnyOrder("ferry", "other");
    }

    @Test
    void reportsAConflictWithTheOtherManagerAndTheField() {
        apply("ferry", Map.of("a", "1"));

        assertThatThrownBy(() -> apply("other", Map.of("a", "2")))
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(409);
                    assertThat(e.getStatus().getReason()).isEqualTo("Conflict");
                    assertThat(e.getStatus().getMessage())
                            .isEqualTo("Apply failed with 1 conflict: conflict with \"ferry\": .data.a");
                    assertThat(e.getStatus().getDetails().getCauses()).singleElement()
                            .satisfies(cause -> assertThat(cause.getField()).isEqualTo(".data.a"));
                });
        assertThat(client.configMaps().inNamespace("default").withName("settings").get().getData())
                .containsEntry("a", "1");
    }

    @Test
    void applyConflictsWithTheManagerThatCreatedTheObject() {
        client.configMaps().inNamespace("default").resource(DryRunTest.configMap("settings", "a")).create();

        assertThatThrownBy(() -> client.configMaps().inNamespace("default")
                .resource(DryRunTest.configMap("settings", "b")).fieldManager("ferry").serverSideApply())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getStatus().getMessage())
                        .isEqualTo("Apply failed with 1 conflict: conflict with \"fabric8-kubernetes-client\" using v1:"
                                + " .data.key"));
    }

    @Test
    void applyingTheSameValueSharesOwnershipWithoutConflict() {
        apply("ferry", Map.of("a", "1"));
        ConfigMap shared = apply("other", Map.of("a", "1"));

        assertThat(shared.getMetadata().getManagedFields()).extracting(ManagedFieldsEntry::getManager)
                .containsExactlyInAnyOrder("ferry", "other");
    }

    @Test
    void forceTakesTheFieldsOver() {
        apply("ferry", Map.of("a", "1", "b", "1"));
        ConfigMap forced = client.configMaps().inNamespace("default").resource(configMap(Map.of("a", "2")))
                .fieldManager("other").forceConflicts().serverSideApply();

        assertThat(forced.getData()).containsEntry("a", "2").containsEntry("b", "1");
        ManagedFieldsEntry ferry = forced.getMetadata().getManagedFields().stream()
                .filter(e -> e.getManager().equals("ferry")).findFirst().orElseThrow();
        assertThat(ferry.getFieldsV1().getAdditionalProperties().get("f:data").toString())
                .contains("f:b").doesNotContain("f:a");
    }

    @Test
    void bumpsTheGenerationOnlyWhenTheSpecChanges() {
        Deployment first = client.apps().deployments().inNamespace("default").resource(deployment(2, "v1"))
                .fieldManager("ferry").serverSideApply();
        Deployment relabelled = client.apps().deployments().inNamespace("default")
                .resource(new DeploymentBuilder(deployment(2, "v1")).editMetadata().addToLabels("team", "shop")
                        .endMetadata().build())
                .fieldManager("ferry").serverSideApply();
        Deployment rescaled = client.apps().deployments().inNamespace("default")
                .resource(new DeploymentBuilder(deployment(3, "v1")).editMetadata().addToLabels("team", "shop")
                        .endMetadata().build())
                .fieldManager("ferry").serverSideApply();

        assertThat(first.getMetadata().getGeneration()).isEqualTo(1L);
        assertThat(relabelled.getMetadata().getGeneration()).isEqualTo(1L);
        assertThat(rescaled.getMetadata().getGeneration()).isEqualTo(2L);
    }

    @Test
    void reapplyingTheSameConfigurationChangesNothing() {
        ConfigMap first = apply("ferry", Map.of("a", "1"));
        ConfigMap again = apply("ferry", Map.of("a", "1"));

        assertThat(again.getMetadata().getResourceVersion()).isEqualTo(first.getMetadata().getResourceVersion());
    }

    @Test
    void acceptsAYamlBody() throws Exception {
        String yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  a: \"1\"\n";
        var response = Clients.send(sandbox, "PATCH",
                "/api/v1/namespaces/default/configmaps/settings?fieldManager=kubectl", "application/apply-patch+yaml",
                yaml);

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(client.configMaps().inNamespace("default").withName("settings").get().getData())
                .containsEntry("a", "1");
    }

    private ConfigMap apply(String manager, Map<String, String> data) {
        return client.configMaps().inNamespace("default").resource(configMap(data)).fieldManager(manager)
                .serverSideApply();
    }

    private static ConfigMap configMap(Map<String, String> data) {
        return new ConfigMapBuilder().withNewMetadata().withName("settings").withNamespace("default").endMetadata()
                .withData(data).build();
    }

    static Deployment deployment(int replicas, String tag) {
        return new DeploymentBuilder().withNewMetadata().withName("web").withNamespace("default").endMetadata()
                .withNewSpec().withReplicas(replicas)
                .withNewSelector().addToMatchLabels("app", "web").endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", "web").endMetadata()
                .withNewSpec().addNewContainer().withName("web").withImage("nginx:" + tag).endContainer().endSpec()
                .endTemplate().endSpec().build();
    }
}
