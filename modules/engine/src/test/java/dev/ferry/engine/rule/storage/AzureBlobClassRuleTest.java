package dev.ferry.engine.rule.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.ChangeType;
import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class AzureBlobClassRuleTest {

    private final RuleHarness harness = RuleHarness.of(new AzureBlobClassRule());

    @Test
    void dropsBlobClassWithActionRequired() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: storage.k8s.io/v1
                kind: StorageClass
                metadata: {name: azureblob-nfs-premium}
                provisioner: blob.csi.azure.com
                parameters: {skuName: Premium_LRS, protocol: nfs}
                """, "");
        assertThat(proposal.changes()).singleElement().satisfies(change -> {
            assertThat(change.type()).isEqualTo(ChangeType.DROP);
            assertThat(change.findings()).singleElement().satisfies(f -> {
                assertThat(f.severity()).isEqualTo(Severity.ACTION_REQUIRED);
                assertThat(f.message()).contains("s3.csi.aws.com", "nfs");
            });
        });
    }

    @Test
    void leavesDiskClassesToTheirOwnRule() {
        harness.rewriteRun("""
                apiVersion: storage.k8s.io/v1
                kind: StorageClass
                metadata: {name: managed-csi}
                provisioner: disk.csi.azure.com
                """);
    }
}
