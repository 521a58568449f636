package dev.ferry.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DiscoveryTest {

    private static SandboxServer sandbox;
    private static KubernetesClient client;

    @BeforeAll
    static void start() throws SandboxException {
        sandbox = SandboxServer.start(SandboxOptions.defaults().withReadinessDelay(java.time.Duration.ofMillis(50)));
        client = Clients.fabric8(sandbox);
    }

    @AfterAll
    static void stop() {
        client.close();
        sandbox.close();
    }

    @Test
    void reportsARealLookingVersionWithOrWithoutAQuery() throws Exception {
        assertThat(client.getKubernetesVersion().getGitVersion()).isEqualTo("v1.30.6");
        assertThat(client.getKubernetesVersion().getMinor()).isEqualTo("30");
        HttpResponse<String> withQuery = Clients.get(sandbox, "/version?timeout=32s");
        assertThat(withQuery.statusCode()).isEqualTo(200);
        assertThat(withQuery.body()).contains("\"gitVersion\":\"v1.30.6\"");
    }

    @Test
    void listsTheBuiltInGroups() {
        List<String> groups = client.getApiGroups().getGroups().stream().map(g -> g.getName()).toList();
        assertThat(groups).contains("apps", "batch", "networking.k8s.io", "storage.k8s.io",
                "rbac.authorization.k8s.io", "policy", "autoscaling", "scheduling.k8s.io", "apiextensions.k8s.io",
                "coordination.k8s.io", "discovery.k8s.io", "admissionregistration.k8s.io");
        assertThat(client.getApiGroup("autoscaling").getPreferredVersion().getGroupVersion())
                .isEqualTo("autoscaling/v2");
    }

    @Test
    void describesBuiltInResourcesWithVerbsAndShortNames() {
        APIResource deployments = resource(client.getApiResources("apps/v1"), "deployments");
        assertThat(deployments.getKind()).isEqualTo("Deployment");
        assertThat(deployments.getSingularName()).isEqualTo("deployment");
        assertThat(deployments.getNamespaced()).isTrue();
        assertThat(deployments.getShortNames()).containsExactly("deploy");
        assertThat(deployments.getVerbs()).contains("create", "get", "list", "watch", "patch", "update", "delete");
        assertThat(resource(client.getApiResources("apps/v1"), "deployments/scale").getKind()).isEqualTo("Scale");

        APIResourceList core = client.getApiResources("v1");
        assertThat(resource(core, "namespaces").getNamespaced()).isFalse();
        assertThat(resource(core, "configmaps").getShortNames()).containsExactly("cm");
        assertThat(resource(client.getApiResources("networking.k8s.io/v1"), "ingresses").getShortNames())
                .containsExactly("ing");
    }

    @Test
    void answersTheLegacyDocumentsAtApiAndApis() throws Exception {
        JsonNode api = ObjectStore.JSON.readTree(Clients.get(sandbox, "/api").body());
        assertThat(api.path("kind").asText()).isEqualTo("APIVersions");
        assertThat(api.path("versions").get(0).asText()).isEqualTo("v1");
        HttpResponse<String> apis = Clients.get(sandbox, "/apis");
        assertThat(apis.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(ObjectStore.JSON.readTree(apis.body()).path("kind").asText()).isEqualTo("APIGroupList");
        assertThat(Clients.get(sandbox, "/apis/no.such.group/v1").statusCode()).isEqualTo(404);
    }

    @Test
    void makesTheKindsOfACreatedCrdServableAndDiscoverable() {
        CustomResourceDefinition crd = new CustomResourceDefinitionBuilder()
                .withNewMetadata().withName("widgets.example.ferry.dev").endMetadata()
                .withNewSpec().withGroup("example.ferry.dev").withScope("Namespaced")
                .withNewNames().withKind("Widget").withPlural("widgets").withSingular("widget")
                .withShortNames("wdg").endNames()
                .addNewVersion().withName("v1").withServed(true).withStorage(true)
                .withNewSchema().withNewOpenAPIV3Schema().withType("object")
                .withXKubernetesPreserveUnknownFields(true).endOpenAPIV3Schema().endSchema()
                .endVersion().endSpec().build();
        client.apiextensions().v1().customResourceDefinitions().resource(crd).create();

        assertThat(client.getApiGroups().getGroups()).anyMatch(g -> g.getName().equals("example.ferry.dev"));
        APIResource widgets = resource(client.getApiResources("example.ferry.dev/v1"), "widgets");
        assertThat(widgets.getKind()).isEqualTo("Widget");
        assertThat(widgets.getShortNames()).containsExactly("wdg");
        GenericKubernetesResource widget = new GenericKubernetesResourceBuilder()
                .withApiVersion("example.ferry.dev/v1").withKind("Widget")
                .withNewMetadata().withName("blue").withNamespace("default").endMetadata()
                .withAdditionalProperties(Map.of("spec", Map.of("colour", "blue"))).build();
        client.genericKubernetesResources("example.ferry.dev/v1", "Widget").inNamespace("default")
                .resource(widget).create();
        assertThat(client.genericKubernetesResources("example.ferry.dev/v1", "Widget").inNamespace("default")
                .list().getItems()).extracting(w -> w.getMetadata().getName()).containsExactly("blue");
        assertThat(client.apiextensions().v1().customResourceDefinitions().withName("widgets.example.ferry.dev")
                .get().getStatus().getConditions()).anyMatch(c -> c.getType().equals("Established"));
    }

    @Test
    void publishesTheQueryParametersKubectlChecksInOpenApiV3() throws Exception {
        JsonNode root = ObjectStore.JSON.readTree(Clients.get(sandbox, "/openapi/v3").body());
        String appsUrl = root.path("paths").path("apis/apps/v1").path("serverRelativeURL").asText();
        assertThat(appsUrl).startsWith("/openapi/v3/apis/apps/v1?hash=");

        JsonNode apps = ObjectStore.JSON.readTree(Clients.get(sandbox, appsUrl).body());
        JsonNode patch = apps.path("paths").path("/apis/apps/v1/namespaces/{namespace}/deployments/{name}")
                .path("patch");
        assertThat(patch.path("x-kubernetes-group-version-kind").path("kind").asText()).isEqualTo("Deployment");
        assertThat(patch.path("parameters").findValuesAsText("name")).contains("fieldValidation", "dryRun", "force");
    }

    @Test
    void printsTablesForKubectl() throws Exception {
        var response = Clients.send(sandbox, java.net.http.HttpRequest.newBuilder(java.net.URI.create(sandbox.url()
                + "/api/v1/namespaces")).header("Accept", "application/json;as=Table;v=v1;g=meta.k8s.io,"
                + "application/json").GET());

        JsonNode table = ObjectStore.JSON.readTree(response.body());
        assertThat(table.path("kind").asText()).isEqualTo("Table");
        assertThat(table.path("columnDefinitions").findValuesAsText("name")).containsExactly("Name", "Status", "Age");
        assertThat(table.path("rows")).anySatisfy(row -> {
            assertThat(row.path("cells").get(0).asText()).isEqualTo("default");
            assertThat(row.path("cells").get(1).asText()).isEqualTo("Active");
            assertThat(row.path("object").path("kind").asText()).isEqualTo("PartialObjectMetadata");
        });
    }

    @Test
    void answersAnUnknownResourceWithNotFound() throws Exception {
        HttpResponse<String> response = Clients.get(sandbox, "/apis/apps/v1/namespaces/default/gadgets");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("\"reason\":\"NotFound\"");
    }

    private static APIResource resource(APIResourceList list, String name) {
        return list.getResources().stream().filter(r -> r.getName().equals(name)).findFirst().orElseThrow();
    }
}
