package dev.ferry.engine.rule.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class EksCsiDriverObjectRuleTest {

    @Test
    void dropsEbsAndEfsDriverRegistrations() {
        Proposal proposal = RuleHarness.of(new EksCsiDriverObjectRule()).rewriteRun("""
                apiVersion: storage.k8s.io/v1
                kind: CSIDriver
                metadata: {name: ebs.csi.aws.com}
                spec: {attachRequired: true}
                ---
                apiVersion: storage.k8s.io/v1
                kind: CSIDriver
                metadata: {name: efs.csi.aws.com}
                spec: {attachRequired: false}
                ---
                apiVersion: storage.k8s.io/v1
                kind: CSIDriver
                metadata: {name: secrets-store.csi.k8s.io}
                spec: {attachRequired: false}
                """, """
                apiVersion: storage.k8s.io/v1
                kind: CSIDriver
                metadata: {name: secrets-store.csi.k8s.io}
                spec: {attachRequired: false}
                """);
        assertThat(StorageFindings.messages(proposal, "CSIDriver", "ebs.csi.aws.com", Severity.INFO))
                .singleElement().asString().contains("disk.csi.azure.com");
    }
}
