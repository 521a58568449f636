package dev.ferry.engine.rule.autoscaling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Change;
import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NodeSelectorToEksRuleTest {

    private static String deployment(String nodeSelector) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: shop}
                spec:
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: web}}
                    spec:
                      %s
                      containers: [{name: web, image: nginx}]
                """.formatted(nodeSelector.isEmpty() ? "" : "nodeSelector: " + nodeSelector);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "{kubernetes.azure.com/agentpool: web}                 | {karpenter.sh/nodepool: web}",
            "{agentpool: web}                                      | {karpenter.sh/nodepool: web}",
            "{kubernetes.azure.com/agentpool: system}              | {eks.amazonaws.com/nodegroup: system}",
            "{kubernetes.azure.com/mode: system}                   | {ferry.dev/mode: system}",
            "{kubernetes.azure.com/mode: user}                     | {ferry.dev/mode: user}",
            "{kubernetes.azure.com/scalesetpriority: spot}         | {karpenter.sh/capacity-type: spot}",
            "{kubernetes.azure.com/priority: regular}              | {karpenter.sh/capacity-type: on-demand}",
            "{node.kubernetes.io/instance-type: Standard_D4s_v5}   | {node.kubernetes.io/instance-type: m6i.xlarge}",
            "{beta.kubernetes.io/instance-type: Standard_F16s_v2}  | {node.kubernetes.io/instance-type: c5.4xlarge}",
            "{kubernetes.azure.com/accelerator: nvidia}            | {karpenter.k8s.aws/instance-gpu-manufacturer: nvidia}",
            "{kubernetes.azure.com/sku-cpu: '8'}                   | {karpenter.k8s.aws/instance-cpu: '8'}",
            "{type: virtual-kubelet, kubernetes.io/os: linux}      | {kubernetes.io/os: linux}",
            "{agentpool: web, kubernetes.azure.com/agentpool: web, topology.kubernetes.io/zone: westeurope-1} "
                    + "| {karpenter.sh/nodepool: web, topology.kubernetes.io/zone: westeurope-1}",
    })
    void rewritesAksNodeLabels(String before, String after) {
        RuleHarness.of(new NodeSelectorToEksRule()).nodes(AksNodes.CLUSTER)
                .rewriteRun(deployment(before.strip()), deployment(after.strip()));
    }

    @Test
    void removesSelectorLeftEmpty() {
        Proposal proposal = RuleHarness.of(new NodeSelectorToEksRule())
                .rewriteRun(deployment("{type: virtual-kubelet, kubernetes.io/role: agent}"), deployment(""));

        assertThat(RuleHarness.changeFor(proposal, "Deployment", "web").findings())
                .extracting(f -> f.severity()).containsOnly(Severity.INFO);
    }

    @Test
    void assumesUserPoolWithoutNodesAndWarns() {
        Proposal proposal = RuleHarness.of(new NodeSelectorToEksRule())
                .rewriteRun(deployment("{agentpool: batch}"), deployment("{karpenter.sh/nodepool: batch}"));

        Change change = RuleHarness.changeFor(proposal, "Deployment", "web");
        assertThat(change.findings()).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING))
                .satisfies(f -> assertThat(f.message()).contains("No Node objects"));
        assertThat(change.rationale()).contains("§7.1");
    }

    @Test
    void warnsAboutPoolMissingFromNodes() {
        Proposal proposal = RuleHarness.of(new NodeSelectorToEksRule()).nodes(AksNodes.CLUSTER)
                .rewriteRun(deployment("{agentpool: gone}"), deployment("{karpenter.sh/nodepool: gone}"));

        assertThat(RuleHarness.changeFor(proposal, "Deployment", "web").findings())
                .anyMatch(f -> f.message().contains("not among the source cluster's Nodes"));
    }

    @Test
    void keepsUnknownSizeAndOtherAksLabelsWithActionRequired() {
        String selector = "{node.kubernetes.io/instance-type: Standard_A2_v2, kubernetes.azure.com/os-sku: Ubuntu}";
        Proposal proposal = RuleHarness.of(new NodeSelectorToEksRule()).rewriteRun(deployment(selector));

        Change change = RuleHarness.changeFor(proposal, "Deployment", "web");
        assertThat(change.findings()).hasSize(2).allMatch(f -> f.severity() == Severity.ACTION_REQUIRED)
                .anyMatch(f -> f.message().contains("Standard_A2_v2"))
                .anyMatch(f -> f.message().contains("kubernetes.azure.com/os-sku"));
    }

    @Test
    void leavesEksAndPortableSelectorsAlone() {
        RuleHarness.of(new NodeSelectorToEksRule()).nodes(AksNodes.CLUSTER)
                .rewriteRun(deployment("{kubernetes.io/os: linux, node.kubernetes.io/instance-type: m6i.xlarge}"));
    }

    @Test
    void rewritesCronJobPodTemplate() {
        String cronJob = """
                apiVersion: batch/v1
                kind: CronJob
                metadata: {name: report, namespace: shop}
                spec:
                  schedule: "0 * * * *"
                  jobTemplate:
                    spec:
                      template:
                        spec:
                          nodeSelector: {kubernetes.azure.com/scalesetpriority: spot}
                          containers: [{name: report, image: busybox}]
                          restartPolicy: OnFailure
                """;
        RuleHarness.of(new NodeSelectorToEksRule()).rewriteRun(cronJob,
                cronJob.replace("kubernetes.azure.com/scalesetpriority", "karpenter.sh/capacity-type"));
    }
}
