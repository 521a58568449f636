package dev.ferry.engine.rule.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class AzureInlineVolumeRuleTest {

    private final RuleHarness harness = RuleHarness.of(new AzureInlineVolumeRule());

    @Test
    void flagsInlineAzureFilesCsiVolumeWithoutChangingThePod() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: v1
                kind: Pod
                metadata: {name: web, namespace: shop}
                spec:
                  containers: [{name: web, image: nginx}]
                  volumes:
                    - name: persistent-storage
                      csi:
                        driver: file.csi.azure.com
                        volumeAttributes: {shareName: assets, secretName: azure-secret}
                """);
        assertThat(RuleHarness.changeFor(proposal, "Pod", "web").findings()).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ACTION_REQUIRED);
            assertThat(f.message()).contains("`persistent-storage`", "`assets`", "EFS");
        });
    }

    @Test
    void flagsInTreeAzureDiskVolumeOfADeployment() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: legacy, namespace: shop}
                spec:
                  selector: {matchLabels: {app: legacy}}
                  template:
                    metadata: {labels: {app: legacy}}
                    spec:
                      containers: [{name: app, image: busybox}]
                      volumes:
                        - name: disk
                          azureDisk: {diskName: legacy-data, diskURI: /subscriptions/x/disks/legacy-data}
                """);
        assertThat(RuleHarness.changeFor(proposal, "Deployment", "legacy").findings().get(0).message())
                .contains("`legacy-data`", "EBS");
    }

    @Test
    void ignoresClaimsAndConfigVolumes() {
        harness.rewriteRun("""
                apiVersion: v1
                kind: Pod
                metadata: {name: web, namespace: shop}
                spec:
                  containers: [{name: web, image: nginx}]
                  volumes:
                    - {name: data, persistentVolumeClaim: {claimName: data}}
                    - {name: cfg, configMap: {name: web}}
                """);
    }
}
