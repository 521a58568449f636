package dev.ferry.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.FieldValidateable.Validation;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DryRunTest {

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
    void dryRunCreateAnswersWithTheObjectAndStoresNothing() {
        ConfigMap created = client.configMaps().inNamespace("default").resource(configMap("settings", "a"))
                .dryRun().create();

        assertThat(created.getMetadata().getUid()).isNotBlank();
        assertThat(created.getData()).containsEntry("key", "a");
        assertThat(client.configMaps().inNamespace("default").withName("settings").get()).isNull();
        assertThat(sandbox.requests().count("POST", "/api/v1/namespaces/default/configmaps")).isEqualTo(1);
    }

    @Test
    void dryRunUpdatePatchAndDeleteLeaveTheStoredObjectAlone() {
        ConfigMap stored = client.configMaps().inNamespace("default").resource(configMap("settings", "a")).create();

        ConfigMap wouldBe = client.configMaps().inNamespace("default").resource(configMap("settings", "b"))
                .dryRun().update();
        client.configMaps().inNamespace("default").withName("settings").dryRun()
                .edit(cm -> new ConfigMapBuilder(cm).addToData("extra", "x").build());
        client.configMaps().inNamespace("default").resource(configMap("settings", "c")).dryRun()
                .fieldManager("ferry").forceConflicts().serverSideApply();
        client.configMaps().inNamespace("default").withName("settings").dryRun().delete();

        assertThat(wouldBe.getData()).containsEntry("key", "b");
        ConfigMap after = client.configMaps().inNamespace("default").withName("settings").get();
        assertThat(after.getData()).containsExactlyEntriesOf(Map.of("key", "a"));
        assertThat(after.getMetadata().getResourceVersion()).isEqualTo(stored.getMetadata().getResourceVersion());
    }

    @Test
    void aDryRunInTheDeleteOptionsBodyDeletesNothing() throws Exception {
        client.configMaps().inNamespace("default").resource(configMap("settings", "a")).create();

        var response = Clients.send(sandbox, "DELETE", "/api/v1/namespaces/default/configmaps/settings",
                "application/json", "{\"kind\":\"DeleteOptions\",\"apiVersion\":\"v1\",\"dryRun\":[\"All\"]}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(client.configMaps().inNamespace("default").withName("settings").get()).isNotNull();
    }

    @Test
    void strictValidationRejectsAnUnknownTopLevelFieldByName() {
        GenericKubernetesResource withTypo = new GenericKubernetesResourceBuilder()
                .withApiVersion("v1").withKind("ConfigMap")
                .withNewMetadata().withName("typo").withNamespace("default").endMetadata()
                .withAdditionalProperties(Map.of("datta", Map.of("key", "value"))).build();

        assertThatThrownBy(() -> client.genericKubernetesResources("v1", "ConfigMap").inNamespace("default")
                .resource(withTypo).dryRun().fieldValidation(Validation.STRICT).create())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(400);
                    assertThat(e.getStatus().getMessage()).contains("unknown field \"datta\"");
                });
        assertThat(client.configMaps().inNamespace("default").withName("typo").get()).isNull();
    }

    @Test
    void dryRunRejectsAnObjectWhoseNamespaceDoesNotExist() {
        assertThatThrownBy(() -> client.configMaps().inNamespace("shop").resource(configMap("settings", "a"))
                .dryRun().create())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(404);
                    assertThat(e.getStatus().getMessage()).isEqualTo("namespaces \"shop\" not found");
                });
    }

    @Test
    void rejectsAnInvalidNameAsInvalidNamingTheObject() {
        assertThatThrownBy(() -> client.configMaps().inNamespace("default").resource(configMap("Bad_Name", "a"))
                .dryRun().create())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(422);
                    assertThat(e.getStatus().getReason()).isEqualTo("Invalid");
                    assertThat(e.getStatus().getMessage()).startsWith("ConfigMap \"Bad_Name\" is invalid");
                });
    }

    @Test
    void answersAConflictingCreateWithAlreadyExists() {
        client.configMaps().inNamespace("default").resource(configMap("settings", "a")).create();

        assertThatThrownBy(() -> client.configMaps().inNamespace("default").resource(configMap("settings", "b"))
                .create())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(409);
                    assertThat(e.getStatus().getReason()).isEqualTo("AlreadyExists");
                    assertThat(e.getStatus().getMessage()).isEqualTo("configmaps \"settings\" already exists");
                });
    }

    static ConfigMap configMap(String name, String value) {
        return new ConfigMapBuilder().withNewMetadata().withName(name).endMetadata()
                .addToData("key", value).build();
    }
}
