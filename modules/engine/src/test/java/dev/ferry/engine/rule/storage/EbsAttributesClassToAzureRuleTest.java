package dev.ferry.engine.rule.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class EbsAttributesClassToAzureRuleTest {

    private final RuleHarness harness = RuleHarness.of(new EbsAttributesClassToAzureRule());

    @Test
    void mapsIopsAndThroughputToAzureDiskParameters() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: storage.k8s.io/v1beta1
                kind: VolumeAttributesClass
                metadata: {name: io2-class}
                driverName: ebs.csi.aws.com
                parameters: {iops: "4000", throughput: "250", type: io2}
                """, """
                apiVersion: storage.k8s.io/v1beta1
                kind: VolumeAttributesClass
                metadata: {name: io2-class}
                driverName: disk.csi.azure.com
                parameters: {DiskIOPSReadWrite: "4000", DiskMBpsReadWrite: "250"}
                """);
        assertThat(RuleHarness.changeFor(proposal, "VolumeAttributesClass", "io2-class").findings())
                .extracting(f -> f.severity()).contains(Severity.WARNING, Severity.INFO);
    }

    @Test
    void dropsEfsClasses() {
        harness.rewriteRun("""
                apiVersion: storage.k8s.io/v1beta1
                kind: VolumeAttributesClass
                metadata: {name: efs-fast}
                driverName: efs.csi.aws.com
                parameters: {}
                """, "");
    }

    @Test
    void leavesOtherDriversAlone() {
        harness.rewriteRun("""
                apiVersion: storage.k8s.io/v1beta1
                kind: VolumeAttributesClass
                metadata: {name: other}
                driverName: example.com/csi
                parameters: {x: "1"}
                """);
    }
}
