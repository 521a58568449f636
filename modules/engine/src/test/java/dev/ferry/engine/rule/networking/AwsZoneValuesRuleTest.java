package dev.ferry.engine.rule.networking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Finding;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class AwsZoneValuesRuleTest {

    private final RuleHarness harness = RuleHarness.of(new AwsZoneValuesRule());

    @Test
    void mapsZonesInAffinityAndNodeSelector() {
        harness.rewriteRun("""
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
                              - {key: kubernetes.io/arch, operator: In, values: [amd64]}
                          preferredDuringSchedulingIgnoredDuringExecution:
                          - weight: 1
                            preference:
                              matchExpressions: [{key: failure-domain.beta.kubernetes.io/zone, operator: In, values: [eu-west-1a]}]
                      containers: [{name: web, image: web}]
                """, """
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
                              - {key: kubernetes.io/arch, operator: In, values: [amd64]}
                          preferredDuringSchedulingIgnoredDuringExecution:
                          - weight: 1
                            preference:
                              matchExpressions: [{key: failure-domain.beta.kubernetes.io/zone, operator: In, values: [westeurope-1]}]
                      containers: [{name: web, image: web}]
                """);
    }

    @Test
    void mapsStorageClassAndPersistentVolumeTopology() {
        harness.rewriteRun("""
                apiVersion: storage.k8s.io/v1
                kind: StorageClass
                metadata: {name: gp3}
                provisioner: ebs.csi.aws.com
                allowedTopologies:
                - matchLabelExpressions: [{key: topology.ebs.csi.aws.com/zone, values: [eu-west-1b]}]
                ---
                apiVersion: v1
                kind: PersistentVolume
                metadata: {name: pv1}
                spec:
                  capacity: {storage: 1Gi}
                  accessModes: [ReadWriteOnce]
                  nodeAffinity:
                    required:
                      nodeSelectorTerms:
                      - matchExpressions: [{key: topology.kubernetes.io/zone, operator: In, values: [eu-west-1c]}]
                """, """
                apiVersion: storage.k8s.io/v1
                kind: StorageClass
                metadata: {name: gp3}
                provisioner: ebs.csi.aws.com
                allowedTopologies:
                - matchLabelExpressions: [{key: topology.ebs.csi.aws.com/zone, values: [westeurope-2]}]
                ---
                apiVersion: v1
                kind: PersistentVolume
                metadata: {name: pv1}
                spec:
                  capacity: {storage: 1Gi}
                  accessModes: [ReadWriteOnce]
                  nodeAffinity:
                    required:
                      nodeSelectorTerms:
                      - matchExpressions: [{key: topology.kubernetes.io/zone, operator: In, values: [westeurope-3]}]
                """);
    }

    @Test
    void reportsUnmappedZoneAndZoneIds() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: v1
                kind: Pod
                metadata: {name: p, namespace: x}
                spec:
                  nodeSelector: {topology.kubernetes.io/zone: us-east-1d, topology.k8s.aws/zone-id: use1-az1}
                  containers: [{name: c, image: c}]
                """);
        assertThat(RuleHarness.changeFor(proposal, "Pod", "p").findings())
                .anySatisfy(f -> assertThat(f.settingKey()).isEqualTo("zones"))
                .extracting(Finding::message).anySatisfy(m -> assertThat(m).contains("use1-az1"));
    }
}
