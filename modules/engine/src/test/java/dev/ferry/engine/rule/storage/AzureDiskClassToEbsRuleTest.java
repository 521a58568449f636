package dev.ferry.engine.rule.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Change;
import dev.ferry.engine.ChangeType;
import dev.ferry.engine.Finding;
import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class AzureDiskClassToEbsRuleTest {

    private final RuleHarness harness = RuleHarness.of(new AzureDiskClassToEbsRule());

    private static final String PVC_MANAGED_CSI = """
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata: {name: data, namespace: shop}
            spec:
              storageClassName: managed-csi
              accessModes: [ReadWriteOnce]
              resources: {requests: {storage: 10Gi}}
            """;

    @Test
    void generatesGp3ForBuiltInClassNamedByAClaim() {
        harness.rewriteRun(PVC_MANAGED_CSI, PVC_MANAGED_CSI + """
                ---
                apiVersion: storage.k8s.io/v1
                kind: StorageClass
                metadata: {name: managed-csi}
                provisioner: ebs.csi.aws.com
                parameters: {type: gp3, encrypted: "true"}
                reclaimPolicy: Delete
                allowVolumeExpansion: true
                volumeBindingMode: WaitForFirstConsumer
                """);
    }

    @Test
    void generatesDefaultClassWithDefaultAnnotationForClaimWithoutClass() {
        String pvc = """
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata: {name: data, namespace: shop}
                spec:
                  accessModes: [ReadWriteOnce]
                  resources: {requests: {storage: 10Gi}}
                """;
        harness.rewriteRun(pvc, pvc + """
                ---
                apiVersion: storage.k8s.io/v1
                kind: StorageClass
                metadata:
                  name: default
                  annotations: {storageclass.kubernetes.io/is-default-class: "true"}
                provisioner: ebs.csi.aws.com
                parameters: {type: gp3, encrypted: "true"}
                reclaimPolicy: Delete
                allowVolumeExpansion: true
                volumeBindingMode: WaitForFirstConsumer
                """);
    }

    @Test
    void mapsPremiumDiskToGp3SizedFromTheLargestClaim() {
        String claims = """
                apiVersion: apps/v1
                kind: StatefulSet
                metadata: {name: db, namespace: shop}
                spec:
                  selector: {matchLabels: {app: db}}
                  template:
                    metadata: {labels: {app: db}}
                    spec:
                      containers: [{name: db, image: postgres:16}]
                  volumeClaimTemplates:
                    - metadata: {name: data}
                      spec:
                        storageClassName: managed-csi-premium
                        accessModes: [ReadWriteOnce]
                        resources: {requests: {storage: 1000Gi}}
                """;
        Proposal proposal = harness.rewriteRun(claims, claims + """
                ---
                apiVersion: storage.k8s.io/v1
                kind: StorageClass
                metadata: {name: managed-csi-premium}
                provisioner: ebs.csi.aws.com
                parameters: {type: gp3, iops: "5000", throughput: "200", encrypted: "true"}
                reclaimPolicy: Delete
                allowVolumeExpansion: true
                volumeBindingMode: WaitForFirstConsumer
                """);
        Change change = RuleHarness.changeFor(proposal, "StorageClass", "managed-csi-premium");
        assertThat(change.summary()).contains("Premium_LRS", "gp3", "5000 IOPS");
        assertThat(change.findings()).extracting(Finding::message).anyMatch(m -> m.contains("P30/E30"));
    }

    @Test
    void keepsGp3BaselineAndSaysSoWhenPremiumClaimSizesAreUnknown() {
        String claim = PVC_MANAGED_CSI.replace("managed-csi", "managed-premium").replace("storage: 10Gi", "storage: x");
        Proposal proposal = harness.run(claim);
        Change change = RuleHarness.changeFor(proposal, "StorageClass", "managed-premium");
        assertThat(change.generated().path("parameters").has("iops")).isFalse();
        assertThat(change.findings()).extracting(Finding::message)
                .anyMatch(m -> m.contains("baseline") && m.contains("P30+"));
    }

    @Test
    void patchesDefinedStandardSsdClassInPlace() {
        harness.rewriteRun("""
                apiVersion: storage.k8s.io/v1
                kind: StorageClass
                metadata: {name: fast}
                provisioner: disk.csi.azure.com
                parameters:
                  skuname: StandardSSD_LRS
                  fsType: xfs
                  cachingMode: ReadOnly
                  tags: team=shop,env=prod
                reclaimPolicy: Retain
                volumeBindingMode: WaitForFirstConsumer
                allowedTopologies:
                  - matchLabelExpressions:
                      - key: topology.disk.csi.azure.com/zone
                        values: [westeurope-1]
                """, """
                apiVersion: storage.k8s.io/v1
                kind: StorageClass
                metadata: {name: fast}
                provisioner: ebs.csi.aws.com
                parameters:
                  type: gp3
                  encrypted: "true"
                  csi.storage.k8s.io/fstype: xfs
                  tagSpecification_1: team=shop
                  tagSpecification_2: env=prod
                reclaimPolicy: Retain
                volumeBindingMode: WaitForFirstConsumer
                allowedTopologies:
                  - matchLabelExpressions:
                      - key: topology.ebs.csi.aws.com/zone
                        values: [westeurope-1]
                """);
    }

    @Test
    void keepsPremiumV2IopsAndThroughputOnGp3() {
        String sc = """
                apiVersion: storage.k8s.io/v1
                kind: StorageClass
                metadata: {name: managed-csi-pv2}
                provisioner: disk.csi.azure.com
                parameters:
                  {cachingMode: None, skuName: PremiumV2_LRS, DiskIOPSReadWrite: "4000", DiskMBpsReadWrite: "1000"}
                reclaimPolicy: Delete
                volumeBindingMode: WaitForFirstConsumer
                allowVolumeExpansion: true
                """;
        Proposal proposal = harness.rewriteRun(sc, """
                apiVersion: storage.k8s.io/v1
                kind: StorageClass
                metadata: {name: managed-csi-pv2}
                provisioner: ebs.csi.aws.com
                parameters: {type: gp3, iops: "4000", throughput: "1000", encrypted: "true"}
                reclaimPolicy: Delete
                volumeBindingMode: WaitForFirstConsumer
                allowVolumeExpansion: true
                """);
        assertThat(RuleHarness.changeFor(proposal, "StorageClass", "managed-csi-pv2").findings())
                .extracting(Finding::message).anyMatch(m -> m.contains("cachingMode"));
    }

    @Test
    void mapsPremiumV2AboveGp3LimitsToIo2WithWarning() {
        Proposal proposal = harness.run("""
                apiVersion: storage.k8s.io/v1
                kind: StorageClass
                metadata: {name: hot}
                provisioner: disk.csi.azure.com
                parameters: {skuName: PremiumV2_LRS, DiskIOPSReadWrite: "40000", DiskMBpsReadWrite: "1200"}
                volumeBindingMode: WaitForFirstConsumer
                """);
        assertThat(proposal.proposed()).singleElement().satisfies(sc -> {
            assertThat(sc.at("/parameters/type").asText()).isEqualTo("io2");
            assertThat(sc.at("/parameters/iops").asText()).isEqualTo("40000");
            assertThat(sc.at("/parameters").has("throughput")).isFalse();
        });
        assertThat(RuleHarness.changeFor(proposal, "StorageClass", "hot").findings())
                .anyMatch(f -> f.severity() == Severity.WARNING && f.message().contains("80,000"));
    }

    @Test
    void mapsUltraDiskToIo2() {
        Proposal proposal = harness.run("""
                apiVersion: storage.k8s.io/v1
                kind: StorageClass
                metadata: {name: ultra}
                provisioner: disk.csi.azure.com
                parameters:
                  {skuName: UltraSSD_LRS, DiskIOPSReadWrite: "20000", DiskMBpsReadWrite: "500", cachingMode: None}
                volumeBindingMode: WaitForFirstConsumer
                """);
        assertThat(proposal.proposed().get(0).at("/parameters").toString())
                .isEqualTo("{\"type\":\"io2\",\"iops\":\"20000\",\"encrypted\":\"true\"}");
    }

    @Test
    void mapsLegacyInTreePremiumClassAndWarnsAboutImmediateBinding() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: storage.k8s.io/v1
                kind: StorageClass
                metadata: {name: old-premium}
                provisioner: kubernetes.io/azure-disk
                parameters: {storageaccounttype: Premium_LRS, kind: Managed}
                """, """
                apiVersion: storage.k8s.io/v1
                kind: StorageClass
                metadata: {name: old-premium}
                provisioner: ebs.csi.aws.com
                parameters: {type: gp3, encrypted: "true"}
                """);
        assertThat(RuleHarness.changeFor(proposal, "StorageClass", "old-premium").findings())
                .anyMatch(f -> f.severity() == Severity.WARNING && f.message().contains("WaitForFirstConsumer"))
                .anyMatch(f -> f.message().contains("kind"));
    }

    @Test
    void asksForKmsKeyWhenDisksUsedADiskEncryptionSet() {
        String sc = """
                apiVersion: storage.k8s.io/v1
                kind: StorageClass
                metadata: {name: cmk}
                provisioner: disk.csi.azure.com
                parameters:
                  skuName: StandardSSD_LRS
                  diskEncryptionSetID: >-
                    /subscriptions/x/resourceGroups/rg/providers/Microsoft.Compute/diskEncryptionSets/shop-des
                volumeBindingMode: WaitForFirstConsumer
                """;
        Proposal missing = harness.run(sc);
        assertThat(RuleHarness.changeFor(missing, "StorageClass", "cmk").findings())
                .anyMatch(f -> f.settingKey().equals("storage.kmsKeyId") && f.message().contains("shop-des"));
        assertThat(missing.proposed().get(0).at("/parameters").has("kmsKeyId")).isFalse();

        Proposal withKey = RuleHarness.of(new AzureDiskClassToEbsRule())
                .settings(RuleHarness.DEFAULT_SETTINGS
                        + "storage: {kmsKeyId: arn:aws:kms:eu-west-1:111122223333:key/shop}\n")
                .run(sc);
        assertThat(withKey.proposed().get(0).at("/parameters/kmsKeyId").asText())
                .isEqualTo("arn:aws:kms:eu-west-1:111122223333:key/shop");
    }

    @Test
    void generatesClassUnderMappedNameAndDropsTheSourceClass() {
        String pvc = PVC_MANAGED_CSI.replace("managed-csi", "managed-csi-premium");
        Proposal proposal = RuleHarness.of(new AzureDiskClassToEbsRule())
                .settings(RuleHarness.DEFAULT_SETTINGS + "storage: {classMap: {managed-csi-premium: gp3-premium}}\n")
                .rewriteRun("""
                        apiVersion: storage.k8s.io/v1
                        kind: StorageClass
                        metadata: {name: managed-csi-premium}
                        provisioner: disk.csi.azure.com
                        parameters: {skuname: Premium_LRS}
                        reclaimPolicy: Delete
                        volumeBindingMode: WaitForFirstConsumer
                        allowedTopologies:
                          - matchLabelExpressions:
                              - key: topology.disk.csi.azure.com/zone
                                values: [westeurope-1, westeurope-2]
                        ---
                        """ + pvc, pvc + """
                        ---
                        apiVersion: storage.k8s.io/v1
                        kind: StorageClass
                        metadata: {name: gp3-premium}
                        provisioner: ebs.csi.aws.com
                        parameters: {type: gp3, iops: "3000", throughput: "125", encrypted: "true"}
                        reclaimPolicy: Delete
                        volumeBindingMode: WaitForFirstConsumer
                        allowedTopologies:
                          - matchLabelExpressions:
                              - key: topology.ebs.csi.aws.com/zone
                                values: [eu-west-1a, eu-west-1b]
                        """);
        assertThat(proposal.changes()).filteredOn(c -> c.type() == ChangeType.DROP)
                .singleElement().satisfies(c -> assertThat(c.resource().name()).isEqualTo("managed-csi-premium"));
    }

    @Test
    void generatesOneClassWhenTwoSourceClassesMapToTheSameName() {
        Proposal proposal = RuleHarness.of(new AzureDiskClassToEbsRule())
                .settings(RuleHarness.DEFAULT_SETTINGS + "storage: {classMap: {fast-a: fast, fast-b: fast}}\n")
                .run("""
                        apiVersion: storage.k8s.io/v1
                        kind: StorageClass
                        metadata: {name: fast-a}
                        provisioner: disk.csi.azure.com
                        parameters: {skuName: Premium_LRS}
                        volumeBindingMode: WaitForFirstConsumer
                        ---
                        apiVersion: storage.k8s.io/v1
                        kind: StorageClass
                        metadata: {name: fast-b}
                        provisioner: disk.csi.azure.com
                        parameters: {skuName: StandardSSD_LRS}
                        volumeBindingMode: WaitForFirstConsumer
                        """);
        assertThat(proposal.proposed()).extracting(o -> o.name()).containsExactly("fast");
        assertThat(RuleHarness.changeFor(proposal, "StorageClass", "fast-b").findings())
                .singleElement().satisfies(f -> assertThat(f.message()).contains("not generated again"));
    }

    @Test
    void remindsThatEksMayAlreadyHaveADefaultClass() {
        Proposal proposal = harness.run("""
                apiVersion: storage.k8s.io/v1
                kind: StorageClass
                metadata:
                  name: default
                  annotations: {storageclass.kubernetes.io/is-default-class: "true"}
                provisioner: disk.csi.azure.com
                volumeBindingMode: WaitForFirstConsumer
                """);
        assertThat(proposal.proposed().get(0).annotations())
                .containsEntry("storageclass.kubernetes.io/is-default-class", "true");
        assertThat(RuleHarness.changeFor(proposal, "StorageClass", "default").findings())
                .anyMatch(f -> f.message().contains("gp2"));
    }

    @Test
    void usesIo2ForP70SizesAndFlagsClaimsTooSmallForTheClassIops() {
        String claims = """
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata: {name: big, namespace: shop}
                spec:
                  storageClassName: managed-premium
                  accessModes: [ReadWriteOnce]
                  resources: {requests: {storage: 10Ti}}
                ---
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata: {name: small, namespace: shop}
                spec:
                  storageClassName: managed-premium
                  accessModes: [ReadWriteOnce]
                  resources: {requests: {storage: 8Gi}}
                """;
        Change change = RuleHarness.changeFor(harness.run(claims), "StorageClass", "managed-premium");
        assertThat(change.generated().path("parameters").path("type").asText()).isEqualTo("io2");
        assertThat(change.generated().path("parameters").path("iops").asText()).isEqualTo("18000");
        assertThat(change.findings()).anyMatch(f -> f.severity() == Severity.ACTION_REQUIRED
                && f.message().contains("smaller than 18 GiB"));
    }

    @Test
    void setsThroughputForLargeStandardSsdClaims() {
        String claim = PVC_MANAGED_CSI.replace("storage: 10Gi", "storage: 8Ti");
        Change change = RuleHarness.changeFor(harness.run(claim), "StorageClass", "managed-csi");
        assertThat(change.generated().path("parameters").path("iops").asText()).isEqualTo("3000");
        assertThat(change.generated().path("parameters").path("throughput").asText()).isEqualTo("400");
    }

    @Test
    void flagsSharedDisksAndZoneRedundantSkus() {
        Change change = RuleHarness.changeFor(harness.run("""
                apiVersion: storage.k8s.io/v1
                kind: StorageClass
                metadata: {name: shared}
                provisioner: disk.csi.azure.com
                parameters: {skuName: Premium_ZRS, maxShares: "2"}
                volumeBindingMode: WaitForFirstConsumer
                """), "StorageClass", "shared");
        assertThat(change.findings())
                .anyMatch(f -> f.severity() == Severity.ACTION_REQUIRED && f.message().contains("multi-attach"))
                .anyMatch(f -> f.severity() == Severity.WARNING && f.message().contains("zone-redundant"));
    }

    @Test
    void leavesNonAzureClassesAndTheirClaimsAlone() {
        harness.rewriteRun("""
                apiVersion: storage.k8s.io/v1
                kind: StorageClass
                metadata: {name: local-path}
                provisioner: rancher.io/local-path
                ---
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata: {name: data, namespace: shop}
                spec:
                  storageClassName: local-path
                  accessModes: [ReadWriteOnce]
                  resources: {requests: {storage: 1Gi}}
                """);
    }
}
