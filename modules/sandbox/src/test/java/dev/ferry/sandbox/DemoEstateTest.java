package dev.ferry.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.model.KubeObject;
import dev.ferry.model.io.ManifestReader;
import dev.ferry.model.io.ManifestSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoEstateTest {

    private static List<KubeObject> objects;

    @BeforeAll
    static void read(@TempDir Path dir) throws Exception {
        List<Path> files = DemoEstate.writeTo(dir);
        ManifestSet set = new ManifestReader().read(files);
        assertThat(set.problems()).isEmpty();
        objects = set.objects();
    }

    @Test
    void writesEveryFileAndParsesCleanly() {
        assertThat(objects).hasSize(DemoEstate.objects().size()).hasSizeGreaterThan(100);
    }

    @Test
    void hasAboutTwoDozenServicesAcrossSixNamespaces() {
        Set<String> workloadKinds = Set.of("Deployment", "StatefulSet", "DaemonSet", "CronJob", "Job");
        long workloads = objects.stream().filter(o -> workloadKinds.contains(o.kind())).count();
        assertThat(workloads).isBetween(20L, 30L);
        assertThat(objects.stream().filter(o -> o.kind().equals("Namespace")).map(KubeObject::name))
                .containsExactlyInAnyOrderElementsOf(DemoEstate.NAMESPACES);
    }

    @Test
    void routesTheStorefrontThroughAgicWithEveryAnnotationKind() {
        KubeObject ingress = find("Ingress", "storefront", "storefront");
        assertThat(ingress.annotations()).containsEntry("appgw.ingress.kubernetes.io/ssl-redirect", "true")
                .containsKeys("appgw.ingress.kubernetes.io/health-probe-path",
                        "appgw.ingress.kubernetes.io/backend-protocol",
                        "appgw.ingress.kubernetes.io/cookie-based-affinity",
                        "appgw.ingress.kubernetes.io/appgw-ssl-certificate",
                        "appgw.ingress.kubernetes.io/waf-policy-for-path");
        assertThat(objects).anyMatch(o -> o.kind().equals("Ingress")
                && "true".equals(o.annotations().get("appgw.ingress.kubernetes.io/use-private-ip")));
    }

    @Test
    void usesWorkloadIdentityKeyVaultAndAcr() {
        assertThat(objects).anyMatch(o -> o.kind().equals("ServiceAccount")
                && o.annotations().containsKey("azure.workload.identity/client-id"));
        assertThat(objects).anyMatch(o -> "true".equals(o.at("/spec/template/metadata/labels")
                .path("azure.workload.identity/use").asText()));
        assertThat(objects).anyMatch(o -> o.kind().equals("SecretProviderClass")
                && o.at("/spec/provider").asText().equals("azure"));
        assertThat(objects).anyMatch(o -> o.at("/spec/template/spec/containers/0/image").asText()
                .startsWith("shopacr.azurecr.io/"));
        assertThat(objects).anyMatch(o -> o.at("/spec/template/spec/imagePullSecrets/0/name").asText()
                .equals("acr-pull"));
    }

    @Test
    void keepsDataOnAzureDiskAndAzureFiles() {
        KubeObject postgres = find("StatefulSet", "data", "postgres");
        assertThat(postgres.at("/spec/volumeClaimTemplates/0/spec/storageClassName").asText())
                .isEqualTo("managed-csi-premium");
        assertThat(objects).anyMatch(o -> o.kind().equals("PersistentVolumeClaim")
                && o.at("/spec/storageClassName").asText().equals("azurefile-csi"));
        assertThat(find("Service", "payments", "payments-gateway").annotations())
                .containsEntry("service.beta.kubernetes.io/azure-load-balancer-internal", "true");
    }

    @Test
    void schedulesOnAksPoolsWithSpotTolerations() {
        assertThat(objects).anyMatch(o -> o.at("/spec/template/spec/nodeSelector")
                .has("kubernetes.azure.com/agentpool"));
        assertThat(objects).anyMatch(o -> o.at("/spec/template/spec/tolerations/0/key").asText()
                .equals("kubernetes.azure.com/scalesetpriority"));
        List<KubeObject> nodes = objects.stream().filter(o -> o.kind().equals("Node")).toList();
        assertThat(nodes).anyMatch(n -> "system".equals(n.labels().get("kubernetes.azure.com/mode")));
        assertThat(nodes).anyMatch(n -> "spot".equals(n.labels().get("kubernetes.azure.com/scalesetpriority")));
        assertThat(nodes.stream().map(n -> n.labels().get("topology.kubernetes.io/zone")).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("westeurope-1", "westeurope-2", "westeurope-3");
        assertThat(nodes).allMatch(n -> n.labels().get("node.kubernetes.io/instance-type").startsWith("Standard_"));
        assertThat(objects).anyMatch(o -> o.kind().equals("HorizontalPodAutoscaler"));
        assertThat(objects).anyMatch(o -> o.kind().equals("PodDisruptionBudget"));
        assertThat(objects).anyMatch(o -> o.kind().equals("NetworkPolicy"));
    }

    @Test
    void everySecretValueIsACanary() {
        List<KubeObject> secrets = objects.stream().filter(o -> o.kind().equals("Secret")).toList();
        assertThat(secrets).isNotEmpty();
        for (KubeObject secret : secrets) {
            StringBuilder decoded = new StringBuilder(secret.body().path("stringData").toString());
            secret.body().path("data").properties().forEach(entry -> decoded.append(new String(
                    Base64.getDecoder().decode(entry.getValue().asText()), StandardCharsets.UTF_8)));
            assertThat(decoded.toString()).as(secret.key().toString()).contains(DemoEstate.CANARY_PREFIX);
        }
    }

    @Test
    void loadsIntoASandboxAndListsBack() throws Exception {
        try (SandboxServer sandbox = SandboxServer.start(SandboxOptions.defaults()
                .withReadinessDelay(java.time.Duration.ofMillis(50)));
             KubernetesClient client = Clients.fabric8(sandbox)) {
            sandbox.load(DemoEstate.objects());

            long deployments = objects.stream().filter(o -> o.kind().equals("Deployment")).count();
            assertThat(client.apps().deployments().inAnyNamespace().list().getItems()).hasSize((int) deployments);
            assertThat(client.nodes().list().getItems()).hasSize(9);
            assertThat(client.genericKubernetesResources("secrets-store.csi.x-k8s.io/v1", "SecretProviderClass")
                    .inAnyNamespace().list().getItems()).hasSize(2);
            Deployment web = client.apps().deployments().inNamespace("storefront").withName("storefront-web")
                    .waitUntilCondition(d -> d.getStatus() != null
                            && Integer.valueOf(3).equals(d.getStatus().getReadyReplicas()), 10, TimeUnit.SECONDS);
            assertThat(web.getStatus().getObservedGeneration()).isEqualTo(1L);
            String secret = new String(Base64.getDecoder().decode(client.secrets().inNamespace("checkout")
                    .withName("checkout-secrets").get().getData().get("REDIS_PASSWORD")), StandardCharsets.UTF_8);
            assertThat(secret).startsWith(DemoEstate.CANARY_PREFIX);
        }
    }

    @Test
    void offersItsCrdsForOtherEstates() {
        assertThat(DemoEstate.customResourceDefinitions()).extracting(c -> c.path("spec").path("names")
                .path("kind").asText()).containsExactlyInAnyOrder("SecretProviderClass", "PodMonitor",
                "ServiceMonitor");
    }

    private static KubeObject find(String kind, String namespace, String name) {
        return objects.stream().filter(o -> o.kind().equals(kind) && o.namespace().equals(namespace)
                && o.name().equals(name)).findFirst().orElseThrow();
    }
}
