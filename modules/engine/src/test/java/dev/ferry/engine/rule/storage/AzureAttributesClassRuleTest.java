package dev.ferry.engine.rule.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.ChangeType;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class AzureAttributesClassRuleTest {

    private final RuleHarness harness = RuleHarness.of(new AzureAttributesClassRule());

    @Test
    void mapsDiskIopsAndThroughputToEbsParameters() {
        harness.rewriteRun("""
                apiVersion: storage.k8s.io/v1beta1
                kind: VolumeAttributesClass
                metadata: {name: premium2-disk-class}
                driverName: disk.csi.azure.com
                parameters: {DiskIOPSReadWrite: "5000", DiskMBpsReadWrite: "1200"}
                """, """
                apiVersion: storage.k8s.io/v1beta1
                kind: VolumeAttributesClass
                metadata: {name: premium2-disk-class}
                driverName: ebs.csi.aws.com
                parameters: {iops: "5000", throughput: "1200"}
                """);
    }

    @Test
    void dropsAzureFilesAttributesClass() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: storage.k8s.io/v1beta1
                kind: VolumeAttributesClass
                metadata: {name: premiumv2-fileshare-class}
                driverName: file.csi.azure.com
                parameters: {provisionedIOPS: "5000"}
                """, "");
        assertThat(proposal.changes()).singleElement()
                .satisfies(c -> assertThat(c.type()).isEqualTo(ChangeType.DROP));
    }
}
