package dev.ferry.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReadinessSimulatorTest {

    private static final String CLAIM = """
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata: {name: data, namespace: default}
            spec:
              accessModes: [ReadWriteOnce]
              storageClassName: managed-csi-premium
              resources: {requests: {storage: 8Gi}}
            """;
    private static final String STORAGE_CLASS = """
            apiVersion: storage.k8s.io/v1
            kind: StorageClass
            metadata: {name: managed-csi-premium}
            provisioner: disk.csi.azure.com
            parameters: {skuName: Premium_LRS}
            reclaimPolicy: Delete
            volumeBindingMode: WaitForFirstConsumer
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
    void makesADeploymentReadyForItsGeneration() {
        client.apps().deployments().inNamespace("default").resource(ServerSideApplyTest.deployment(3, "v1"))
                .fieldManager("ferry").serverSideApply();

        Deployment ready = pollUntilRolledOut("web");
        assertThat(ready.getStatus().getConditions()).anyMatch(c -> c.getType().equals("Available")
                && c.getStatus().equals("True"));

        client.apps().deployments().inNamespace("default").resource(ServerSideApplyTest.deployment(3, "v2"))
                .fieldManager("ferry").serverSideApply();
        assertThat(client.apps().deployments().inNamespace("default").withName("web").get().getMetadata()
                .getGeneration()).isEqualTo(2L);
        assertThat(pollUntilRolledOut("web").getStatus().getObservedGeneration()).isEqualTo(2L);
    }

    @Test
    void bindsAClaimToAVolumeItProvisions() throws SandboxException {
        sandbox.loadYaml("sc.yaml", STORAGE_CLASS);
        client.resource(client.getKubernetesSerialization().unmarshal(CLAIM, PersistentVolumeClaim.class))
                .inNamespace("default").create();

        PersistentVolumeClaim bound = client.persistentVolumeClaims().inNamespace("default").withName("data")
                .waitUntilCondition(c -> c != null && "Bound".equals(c.getStatus().getPhase()), 10, TimeUnit.SECONDS);
        PersistentVolume volume = client.persistentVolumes().withName(bound.getSpec().getVolumeName()).get();
        assertThat(volume.getSpec().getCsi().getDriver()).isEqualTo("disk.csi.azure.com");
        assertThat(volume.getSpec().getClaimRef().getName()).isEqualTo("data");
        assertThat(volume.getSpec().getCapacity().get("storage").toString()).isEqualTo("8Gi");
        assertThat(bound.getStatus().getCapacity().get("storage").toString()).isEqualTo("8Gi");

        client.persistentVolumeClaims().inNamespace("default").withName("data").delete();
        assertThat(client.persistentVolumes().list().getItems()).isEmpty();
    }

    @Test
    void givesALoadBalancerServiceAnAddressAndCompletesAJob() {
        client.resource(client.getKubernetesSerialization().unmarshal("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: internal
                  namespace: default
                  annotations: {service.beta.kubernetes.io/azure-load-balancer-internal: "true"}
                spec:
                  type: LoadBalancer
                  selector: {app: web}
                  ports: [{port: 80, targetPort: 8080}]
                """, Service.class)).create();
        client.resource(client.getKubernetesSerialization().unmarshal("""
                apiVersion: batch/v1
                kind: Job
                metadata: {name: migrate, namespace: default}
                spec:
                  template:
                    spec:
                      restartPolicy: Never
                      containers: [{name: migrate, image: shopacr.azurecr.io/migrate:1}]
                """, Job.class)).create();

        Service service = client.services().inNamespace("default").withName("internal").waitUntilCondition(
                s -> s.getStatus() != null && !s.getStatus().getLoadBalancer().getIngress().isEmpty(), 10,
                TimeUnit.SECONDS);
        assertThat(service.getStatus().getLoadBalancer().getIngress().get(0).getIp()).startsWith("10.224.");
        assertThat(service.getSpec().getClusterIP()).startsWith("10.0.");
        Job job = client.batch().v1().jobs().inNamespace("default").withName("migrate").waitUntilCondition(
                j -> j.getStatus() != null && j.getStatus().getSucceeded() != null, 10, TimeUnit.SECONDS);
        assertThat(job.getStatus().getConditions()).anyMatch(c -> c.getType().equals("Complete"));
    }

    @Test
    void watchesSeeTheStatusUpdates() throws Exception {
        CountDownLatch ready = new CountDownLatch(1);
        try (Watch watch = client.apps().deployments().inNamespace("default").watch(new Watcher<>() {
            @Override
            public void eventReceived(Action action, Deployment deployment) {
                if (rolledOut(deployment)) {
                    ready.countDown();
                }
            }

            @Override
            public void onClose(WatcherException cause) {
            }
        })) {
            client.apps().deployments().inNamespace("default").resource(ServerSideApplyTest.deployment(1, "v1"))
                    .create();
            assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void streamsWatchEventsOverPlainHttpForKubectl() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(sandbox.url()
                + "/apis/apps/v1/namespaces/default/deployments?watch=true&timeoutSeconds=5")).build();
        java.net.http.HttpResponse<java.util.stream.Stream<String>> response = http.send(request,
                java.net.http.HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);

        client.apps().deployments().inNamespace("default").resource(ServerSideApplyTest.deployment(1, "v1"))
                .create();

        try (java.util.stream.Stream<String> lines = response.body()) {
            String first = lines.filter(line -> !line.isBlank()).findFirst().orElseThrow();
            assertThat(first).contains("\"type\":\"ADDED\"").contains("\"name\":\"web\"");
        }
    }

    /**
     * Polls with GETs rather than a watch: closing a watch while the simulator writes can block fabric8 mock's event
     * loop (its WatchEventsListener waits for its sender on that loop) for longer than a request's timeout, and this
     * test writes again right after its first wait.
     */
    private Deployment pollUntilRolledOut(String name) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            Deployment deployment = client.apps().deployments().inNamespace("default").withName(name).get();
            if (rolledOut(deployment) || System.nanoTime() > deadline) {
                return deployment;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return deployment;
            }
        }
    }

    private static boolean rolledOut(Deployment deployment) {
        return deployment != null && deployment.getStatus() != null
                && deployment.getMetadata().getGeneration().equals(deployment.getStatus().getObservedGeneration())
                && deployment.getSpec().getReplicas().equals(deployment.getStatus().getReadyReplicas());
    }
}
