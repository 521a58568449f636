package dev.ferry.plan.report;

import dev.ferry.engine.settings.MigrationSettings;
import dev.ferry.model.io.ManifestReader;
import dev.ferry.model.io.ManifestSet;
import dev.ferry.model.io.Yaml;
import dev.ferry.plan.bundle.BundleContent;
import dev.ferry.plan.bundle.BundleWriter;
import dev.ferry.plan.propose.ProposeService;
import dev.ferry.plan.testing.TestBundles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * A realistic estate for report tests: the AKS store demo from the corpus (StatefulSets, LoadBalancer Services,
 * Deployments), the test web shop (ACR image, Workload ID, AGIC Ingress), and a Postgres StatefulSet with claim
 * templates on Azure Disk plus a bound claim.
 */
final class ReportEstate {

    static final String DATA = """
            apiVersion: v1
            kind: Namespace
            metadata: {name: data}
            ---
            apiVersion: storage.k8s.io/v1
            kind: StorageClass
            metadata: {name: managed-csi-premium}
            provisioner: disk.csi.azure.com
            parameters: {skuName: Premium_LRS}
            ---
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: postgres, namespace: data}
            spec:
              serviceName: postgres
              replicas: 1
              selector: {matchLabels: {app: postgres}}
              template:
                metadata: {labels: {app: postgres}}
                spec:
                  containers:
                    - name: postgres
                      image: shopacr.azurecr.io/postgres:16.4
                      volumeMounts: [{name: pgdata, mountPath: /var/lib/postgresql/data}]
              volumeClaimTemplates:
                - metadata: {name: pgdata}
                  spec:
                    accessModes: [ReadWriteOnce]
                    storageClassName: managed-csi-premium
                    resources: {requests: {storage: 64Gi}}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: postgres, namespace: data}
            spec:
              clusterIP: None
              selector: {app: postgres}
              ports: [{port: 5432}]
            ---
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata: {name: uploads, namespace: shop}
            spec:
              accessModes: [ReadWriteOnce]
              storageClassName: managed-csi-premium
              resources: {requests: {storage: 20Gi}}
              volumeName: pvc-1234
            status: {phase: Bound}
            """;

    private ReportEstate() {
    }

    /** Proposes the estate into {@code dir/bundle} and returns the bundle. */
    static Path write(Path dir) throws Exception {
        Path corpus = Path.of(System.getProperty("ferry.corpus", "../../../shared/corpus"));
        Path store = corpus.resolve("Azure-Samples__aks-store-demo/aks-store-all-in-one.yaml");
        Path shop = dir.resolve("shop.yaml");
        Files.writeString(shop, TestBundles.SHOP + "---\n" + DATA);
        ManifestSet input = new ManifestReader().read(List.of(store, shop));
        MigrationSettings settings = MigrationSettings.of(Yaml.parse(TestBundles.SETTINGS));
        Path bundle = dir.resolve("store-bundle");
        new BundleWriter(new ProposeReport()).write(new BundleContent(new ProposeService().propose(input, settings), settings,
                "manifests: aks-store-demo and the test shop", input.problems(), "test",
                Instant.parse("2026-11-21T00:00:00Z")), bundle);
        return bundle;
    }
}
