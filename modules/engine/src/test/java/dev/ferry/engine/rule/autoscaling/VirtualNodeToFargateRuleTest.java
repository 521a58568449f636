package dev.ferry.engine.rule.autoscaling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Change;
import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import dev.ferry.model.io.Yaml;
import org.junit.jupiter.api.Test;

class VirtualNodeToFargateRuleTest {

    private static final String ACI_DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: aci-helloworld, namespace: burst}
            spec:
              selector: {matchLabels: {app: aci-helloworld}}
              template:
                metadata: {labels: {app: aci-helloworld}}
                spec:
                  containers: [{name: aci-helloworld, image: mcr.microsoft.com/azuredocs/aci-helloworld}]
                  nodeSelector: {kubernetes.io/role: agent, kubernetes.io/os: linux, type: virtual-kubelet}
                  tolerations:
                    - {key: virtual-kubelet.io/provider, operator: Exists}
                    - {key: azure.com/aci, effect: NoSchedule}
            """;

    @Test
    void flagsVirtualNodeWorkloadAndDraftsFargateProfile() {
        Proposal proposal = RuleHarness.of(new VirtualNodeToFargateRule()).rewriteRun(ACI_DEPLOYMENT);

        Change change = RuleHarness.changeFor(proposal, "Deployment", "aci-helloworld");
        assertThat(change.findings()).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ACTION_REQUIRED);
            assertThat(f.message()).contains("Fargate").contains("autoscaling/fargate-profiles.yaml");
        });
        assertThat(Yaml.parse(proposal.artifacts().get(0).content())).isEqualTo(Yaml.parse("""
                apiVersion: eksctl.io/v1alpha5
                kind: ClusterConfig
                metadata: {name: shop-eks, region: eu-west-1}
                fargateProfiles:
                  - name: aci-aci-helloworld
                    selectors: [{namespace: burst, labels: {app: aci-helloworld}}]
                """));
    }

    @Test
    void detectsVirtualKubeletAffinity() {
        String pod = """
                apiVersion: v1
                kind: Pod
                metadata: {name: burst}
                spec:
                  affinity:
                    nodeAffinity:
                      requiredDuringSchedulingIgnoredDuringExecution:
                        nodeSelectorTerms:
                          - matchExpressions: [{key: type, operator: In, values: [virtual-kubelet]}]
                  containers: [{name: c, image: busybox}]
                """;
        Proposal proposal = RuleHarness.of(new VirtualNodeToFargateRule()).rewriteRun(pod);

        assertThat(RuleHarness.changeFor(proposal, "Pod", "burst").needsAction()).isTrue();
        assertThat(proposal.artifacts().get(0).content()).contains("namespace: default");
    }

    @Test
    void ignoresWorkloadsThatAvoidVirtualNodes() {
        Proposal proposal = RuleHarness.of(new VirtualNodeToFargateRule()).rewriteRun("""
                apiVersion: v1
                kind: Pod
                metadata: {name: agent}
                spec:
                  affinity:
                    nodeAffinity:
                      requiredDuringSchedulingIgnoredDuringExecution:
                        nodeSelectorTerms:
                          - matchExpressions: [{key: type, operator: NotIn, values: [virtual-kubelet]}]
                  containers: [{name: c, image: busybox}]
                """);

        assertThat(proposal.changes()).isEmpty();
        assertThat(proposal.artifacts()).isEmpty();
    }

    @Test
    void ignoresRegularWorkloads() {
        Proposal proposal = RuleHarness.of(new VirtualNodeToFargateRule())
                .rewriteRun(ACI_DEPLOYMENT.replace("virtual-kubelet", "linux-pool").replace("virtual-kubelet.io/provider", "x")
                        .replace("azure.com/aci", "y"));

        assertThat(proposal.changes()).isEmpty();
        assertThat(proposal.artifacts()).isEmpty();
    }

    @Test
    void nodeSelectorRuleRemovesVirtualNodeSelectors() {
        Proposal proposal = RuleHarness.of(new NodeSelectorToEksRule()).rewriteRun(ACI_DEPLOYMENT,
                ACI_DEPLOYMENT.replace("{kubernetes.io/role: agent, kubernetes.io/os: linux, type: virtual-kubelet}",
                        "{kubernetes.io/os: linux}"));

        assertThat(RuleHarness.changeFor(proposal, "Deployment", "aci-helloworld").findings()).hasSize(2);
    }
}
