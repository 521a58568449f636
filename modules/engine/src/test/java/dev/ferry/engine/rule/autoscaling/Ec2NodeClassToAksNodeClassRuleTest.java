package dev.ferry.engine.rule.autoscaling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Finding;
import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import dev.ferry.model.KubeObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class Ec2NodeClassToAksNodeClassRuleTest {

    private static final String CUSTOM = """
            apiVersion: karpenter.k8s.aws/v1
            kind: EC2NodeClass
            metadata: {name: gpu}
            spec:
              amiFamily: AL2023
              amiSelectorTerms: [{id: ami-0123456789}]
              userData: |
                #!/bin/bash
                echo tuned > /etc/tuning
              role: KarpenterNodeRole
              kubelet: {maxPods: 300, imageGCHighThresholdPercent: 85, imageGCLowThresholdPercent: 80, systemReserved: {cpu: 100m}}
              blockDeviceMappings:
              - deviceName: /dev/xvda
                ebs: {volumeSize: 200Gi}
              tags: {team: ml, app.kubernetes.io/created-by: eks-workshop}
            """;

    @Test
    void generatesValidAksNodeClassInNapMode() throws IOException {
        Proposal proposal = RuleHarness.of(new Ec2NodeClassToAksNodeClassRule())
                .settings(RuleHarness.EKS_TO_AKS_SETTINGS + "autoscaling: {mode: nap}\n").rewriteRun(CUSTOM, """
                apiVersion: karpenter.azure.com/v1beta1
                kind: AKSNodeClass
                metadata: {name: gpu}
                spec:
                  imageFamily: AzureLinux
                  osDiskSizeGB: 200
                  maxPods: 250
                  kubelet: {imageGCHighThresholdPercent: 85, imageGCLowThresholdPercent: 80}
                  tags: {team: ml}
                """);
        assertThat(proposal.changes().stream().flatMap(c -> c.findings().stream())
                .filter(f -> f.severity() == Severity.ACTION_REQUIRED).map(Finding::message))
                .anyMatch(m -> m.contains("custom AMIs") && m.contains("DaemonSets"))
                .anyMatch(m -> m.contains("userData"));
        KubeObject generated = proposal.proposed().get(0);
        Path crd = Path.of(System.getProperty("ferry.corpus", "/nonexistent"),
                "crds/Azure__karpenter-provider-azure/pkg/apis/crds/karpenter.azure.com_aksnodeclasses.yaml");
        Assumptions.assumeTrue(Files.exists(crd), "AKSNodeClass CRD not in the corpus");
        assertThat(CrdSchemaValidator.load(crd, "v1beta1").validate(generated.body())).isEmpty();
    }

    @Test
    void dropsNodeClassInNodePoolsModeAndReportsCustomAmi() {
        Proposal proposal = RuleHarness.of(new Ec2NodeClassToAksNodeClassRule()).rewriteRun(CUSTOM, "");
        assertThat(RuleHarness.changeFor(proposal, "EC2NodeClass", "gpu").findings())
                .filteredOn(f -> f.severity() == Severity.ACTION_REQUIRED).hasSize(2);
    }
}
