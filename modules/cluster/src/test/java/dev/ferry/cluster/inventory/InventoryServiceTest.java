package dev.ferry.cluster.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.cluster.Fixtures;
import dev.ferry.cluster.TestClusters;
import dev.ferry.cluster.connect.Cancellation;
import dev.ferry.cluster.connect.ClusterException;
import dev.ferry.cluster.connect.SourceCluster;
import dev.ferry.model.io.ManifestReader;
import dev.ferry.model.io.ManifestSet;
import dev.ferry.model.io.Yaml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InventoryServiceTest {

    @TempDir
    Path dir;

    private TestClusters clusters;
    private SourceCluster source;

    @BeforeEach
    void start() throws Exception {
        clusters = TestClusters.start(dir);
        source = clusters.source();
        List<JsonNode> estate = new ArrayList<>();
        estate.add(Yaml.parse("apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n"));
        estate.add(Yaml.parse("apiVersion: v1\nkind: Namespace\nmetadata: {name: other}\n"));
        for (int i = 0; i < 7; i++) {
            estate.add(Yaml.parse("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c" + i + ", namespace: shop}\n"
                    + "data: {k: v}\n"));
        }
        estate.add(Yaml.parse("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: elsewhere, namespace: other}\n"));
        estate.add(Fixtures.sourceSecret("shop"));
        estate.add(Yaml.parse("apiVersion: v1\nkind: Secret\nmetadata: {name: sa-token, namespace: shop}\n"
                + "type: kubernetes.io/service-account-token\ndata: {token: " + Fixtures.base64(Fixtures.CANARY)
                + "}\n"));
        estate.add(Yaml.parse("apiVersion: apps/v1\nkind: ReplicaSet\nmetadata: {name: web-1, namespace: shop,"
                + " ownerReferences: [{apiVersion: apps/v1, kind: Deployment, name: web, uid: u1, controller: true}]}\n"
                + "spec: {selector: {matchLabels: {app: web}}, template: {metadata: {labels: {app: web}}, spec:"
                + " {containers: [{name: web, image: nginx}]}}}\n"));
        estate.add(Yaml.parse("apiVersion: v1\nkind: Node\nmetadata: {name: aks-system-1, labels:"
                + " {kubernetes.azure.com/agentpool: system}}\nstatus: {capacity: {cpu: '4'}}\n"));
        estate.add(Yaml.parse("apiVersion: v1\nkind: Event\nmetadata: {name: e1, namespace: shop}\n"
                + "involvedObject: {kind: Pod, name: x}\nreason: Started\n"));
        estate.add(Yaml.parse("apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\n"
                + "metadata: {name: 'shop:reader'}\nrules: []\n"));
        estate.add(Yaml.parse("apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: web, namespace: shop}\n"
                + "spec: {rules: [{host: a.example}]}\n"));
        clusters.sourceServer.load(estate);
    }

    @AfterEach
    void stop() {
        source.close();
        clusters.close();
    }

    private InventoryResult run(InventoryOptions options, InventoryListener listener, Cancellation cancel)
            throws Exception {
        return new InventoryService(source, options.withRetry(TestClusters.fastRetry()), listener, cancel)
                .run(dir.resolve("inventory"));
    }

    @Test
    void writesAFolderProposeReadsAndReportsATypeItCannotList() throws Exception {
        clusters.sourceServer.faults().on("GET", "/apis/networking.k8s.io/v1/ingresses").always().respond(403);
        List<InventoryProgress> progress = new CopyOnWriteArrayList<>();

        InventoryResult result = run(InventoryOptions.defaults().withPageSize(3), progress::add, Cancellation.none());

        Path out = dir.resolve("inventory");
        assertThat(out.resolve("shop/configmap.c6.yaml")).exists();
        assertThat(out.resolve("_cluster/node.aks-system-1.yaml")).exists();
        assertThat(out.resolve("_cluster/clusterrole.shop%3Areader.yaml")).exists();
        assertThat(out.resolve("shop/replicaset.web-1.yaml")).doesNotExist();
        assertThat(out.resolve("shop/secret.sa-token.yaml")).doesNotExist();
        assertThat(Files.readString(out.resolve("shop/secret.db.yaml"))).contains("ferry.dev/value-digests")
                .doesNotContain(Fixtures.base64(Fixtures.CANARY));
        assertThat(result.failures()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("Ingress");
            assertThat(f.reason()).contains("403").contains("not in the inventory");
        });
        assertThat(result.skipped()).extracting(InventoryResult.TypeFailure::kind).contains("Event", "Lease");
        assertThat(result.excluded()).anySatisfy(e -> assertThat(e.resource().name()).isEqualTo("web-1"));
        assertThat(clusters.sourceServer.requests().count("GET", "/api/v1/events")).isZero();
        assertThat(progress).isNotEmpty();
        assertThat(progress.get(progress.size() - 1).typesDone()).isEqualTo(progress.get(0).typesTotal());

        ManifestSet read = new ManifestReader().read(List.of(out));
        assertThat(read.problems()).isEmpty();
        assertThat((long) read.objects().size()).isEqualTo(result.objects());
        String summary = Files.readString(out.resolve(".inventory.yaml"));
        assertThat(summary).contains("format: ferry-inventory").contains("Ingress").contains("403")
                .doesNotContain(Fixtures.CANARY);
    }

    @Test
    void limitsNamespacedObjectsAndNamespacesToTheOnesNamed() throws Exception {
        InventoryResult result = run(InventoryOptions.defaults().withNamespaces(List.of("shop")),
                InventoryListener.none(), Cancellation.none());

        Path out = dir.resolve("inventory");
        assertThat(out.resolve("other")).doesNotExist();
        assertThat(out.resolve("_cluster/namespace.shop.yaml")).exists();
        assertThat(out.resolve("_cluster/namespace.other.yaml")).doesNotExist();
        assertThat(out.resolve("_cluster/node.aks-system-1.yaml")).exists();
        assertThat(result.objects()).isPositive();
    }

    @Test
    void aCancelledInventoryWritesNothingAndReplacesNothing() throws Exception {
        Path out = dir.resolve("inventory");
        run(InventoryOptions.defaults(), InventoryListener.none(), Cancellation.none());
        long before = Files.size(out.resolve(".inventory.yaml"));
        Cancellation cancel = new Cancellation();
        InventoryListener cancelOnFirst = p -> cancel.cancel();

        assertThatThrownBy(() -> run(InventoryOptions.defaults(), cancelOnFirst, cancel))
                .isInstanceOf(ClusterException.class);

        assertThat(Files.size(out.resolve(".inventory.yaml"))).isEqualTo(before);
        try (var siblings = Files.list(dir)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".tmp-"));
        }
    }

    @Test
    void refusesToReplaceAFolderThatIsNotAnInventory() throws Exception {
        Files.createDirectories(dir.resolve("inventory"));
        Files.writeString(dir.resolve("inventory/notes.txt"), "mine");
        assertThatThrownBy(() -> run(InventoryOptions.defaults(), InventoryListener.none(), Cancellation.none()))
                .isInstanceOf(InventoryException.class).hasMessageContaining("not an inventory folder");
        assertThat(dir.resolve("inventory/notes.txt")).exists();
    }
}
