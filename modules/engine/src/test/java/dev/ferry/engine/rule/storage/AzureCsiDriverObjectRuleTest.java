package dev.ferry.engine.rule.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class AzureCsiDriverObjectRuleTest {

    private final RuleHarness harness = RuleHarness.of(new AzureCsiDriverObjectRule());

    @Test
    void dropsAzureDiskDriverRegistration() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: storage.k8s.io/v1
                kind: CSIDriver
                metadata: {name: disk.csi.azure.com}
                spec: {attachRequired: true, podInfoOnMount: false}
                """, "");
        assertThat(RuleHarness.changeFor(proposal, "CSIDriver", "disk.csi.azure.com").findings().get(0).message())
                .contains("aws-ebs-csi-driver");
    }

    @Test
    void keepsOtherDriverRegistrations() {
        harness.rewriteRun("""
                apiVersion: storage.k8s.io/v1
                kind: CSIDriver
                metadata: {name: secrets-store.csi.k8s.io}
                spec: {attachRequired: false}
                """);
    }
}
