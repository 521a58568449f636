package dev.ferry.engine.rule.networking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import dev.ferry.model.io.ManifestReader;
import dev.ferry.model.io.ManifestSet;
import dev.ferry.model.io.Yaml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class ZoneValuesRuleTest {

    private final RuleHarness harness = RuleHarness.of(new ZoneValuesRule());

    @Test
    void mapsRequiredAndPreferredNodeAffinityAndZoneSelector() {
        harness.rewriteRun("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: shop}
                spec:
                  template:
                    spec:
                      nodeSelector: {topology.kubernetes.io/zone: westeurope-3}
                      affinity:
                        nodeAffinity:
                          requiredDuringSchedulingIgnoredDuringExecution:
                            nodeSelectorTerms:
                              - matchExpressions:
                                  - {key: topology.kubernetes.io/zone, operator: In, values: [westeurope-1, westeurope-2]}
                                  - {key: kubernetes.io/os, operator: In, values: [linux]}
                          preferredDuringSchedulingIgnoredDuringExecution:
                            - weight: 10
                              preference:
                                matchExpressions:
                                  - {key: failure-domain.beta.kubernetes.io/zone, operator: In, values: [westeurope-2]}
                      containers: [{name: web, image: nginx}]
                """, """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: shop}
                spec:
                  template:
                    spec:
                      nodeSelector: {topology.kubernetes.io/zone: eu-west-1c}
                      affinity:
                        nodeAffinity:
                          requiredDuringSchedulingIgnoredDuringExecution:
                            nodeSelectorTerms:
                              - matchExpressions:
                                  - {key: topology.kubernetes.io/zone, operator: In, values: [eu-west-1a, eu-west-1b]}
                                  - {key: kubernetes.io/os, operator: In, values: [linux]}
                          preferredDuringSchedulingIgnoredDuringExecution:
                            - weight: 10
                              preference:
                                matchExpressions:
                                  - {key: failure-domain.beta.kubernetes.io/zone, operator: In, values: [eu-west-1b]}
                      containers: [{name: web, image: nginx}]
                """);
    }

    @Test
    void mapsPersistentVolumeNodeAffinity() {
        harness.rewriteRun("""
                apiVersion: v1
                kind: PersistentVolume
                metadata: {name: data}
                spec:
                  capacity: {storage: 10Gi}
                  accessModes: [ReadWriteOnce]
                  nodeAffinity:
                    required:
                      nodeSelectorTerms:
                        - matchExpressions:
                            - {key: topology.disk.csi.azure.com/zone, operator: In, values: [westeurope-2]}
                """, """
                apiVersion: v1
                kind: PersistentVolume
                metadata: {name: data}
                spec:
                  capacity: {storage: 10Gi}
                  accessModes: [ReadWriteOnce]
                  nodeAffinity:
                    required:
                      nodeSelectorTerms:
                        - matchExpressions:
                            - {key: topology.disk.csi.azure.com/zone, operator: In, values: [eu-west-1b]}
                """);
    }

    @Test
    void unmappedZoneIsLeftWithAMissingSettingFinding() {
        Proposal proposal = harness.settings("""
                direction: aks-to-eks
                zones: {westeurope-1: eu-west-1a}
                """).rewriteRun("""
                apiVersion: storage.k8s.io/v1
                kind: StorageClass
                metadata: {name: zonal}
                provisioner: disk.csi.azure.com
                allowedTopologies:
                  - matchLabelExpressions:
                      - {key: topology.disk.csi.azure.com/zone, values: [westeurope-1, westeurope-3]}
                """, """
                apiVersion: storage.k8s.io/v1
                kind: StorageClass
                metadata: {name: zonal}
                provisioner: disk.csi.azure.com
                allowedTopologies:
                  - matchLabelExpressions:
                      - {key: topology.disk.csi.azure.com/zone, values: [eu-west-1a, westeurope-3]}
                """);
        assertThat(RuleHarness.changeFor(proposal, "StorageClass", "zonal").findings())
                .singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ACTION_REQUIRED))
                .satisfies(f -> assertThat(f.settingKey()).isEqualTo("zones"))
                .satisfies(f -> assertThat(f.message()).contains("westeurope-3"));
    }

    @Test
    void leavesNonZonalValuesAndSpreadConstraintsAlone() {
        harness.rewriteRun("""
                apiVersion: apps/v1
                kind: StatefulSet
                metadata: {name: db}
                spec:
                  template:
                    spec:
                      topologySpreadConstraints:
                        - {maxSkew: 1, topologyKey: topology.kubernetes.io/zone, whenUnsatisfiable: DoNotSchedule}
                      affinity:
                        nodeAffinity:
                          requiredDuringSchedulingIgnoredDuringExecution:
                            nodeSelectorTerms:
                              - matchExpressions:
                                  - {key: topology.kubernetes.io/zone, operator: In, values: ["0", eu-west-1a]}
                      containers: [{name: db, image: postgres}]
                """);
    }

    @Test
    void mapsCorpusAllowedTopologyWhenTheZoneIsConfigured() throws Exception {
        String corpus = System.getProperty("ferry.corpus", "");
        Path file = Path.of(corpus, "kubernetes-sigs__azuredisk-csi-driver", "deploy", "example",
                "storageclass-azuredisk-csi-allowed-topology.yaml");
        Assumptions.assumeTrue(!corpus.isBlank() && Files.exists(file), "corpus not available");
        ManifestSet set = new ManifestReader().read(List.of(file));
        assertThat(set.objects()).hasSize(1);
        String before = Yaml.write(set.objects().get(0).body());
        Proposal proposal = harness.settings("""
                direction: aks-to-eks
                zones: {eastus2-1: us-east-2a}
                """).run(before);
        assertThat(proposal.proposed().get(0).at("/allowedTopologies/0/matchLabelExpressions/0/values").toString())
                .isEqualTo("[\"us-east-2a\"]");
        assertThat(Files.readString(file)).contains("eastus2-1");
    }
}
