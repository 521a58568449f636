package dev.ferry.engine.rule.autoscaling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import dev.ferry.model.KubeObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class KarpenterNodePoolToNapRuleTest {

    private static final String NAP = RuleHarness.EKS_TO_AKS_SETTINGS + "autoscaling: {mode: nap}\n";

    @Test
    void pointsNodePoolAtAksNodeClassAndTranslatesRequirements() throws IOException {
        Proposal proposal = RuleHarness.of(new KarpenterNodePoolToNapRule()).settings(NAP).rewriteRun("""
                apiVersion: karpenter.sh/v1
                kind: NodePool
                metadata: {name: default}
                spec:
                  template:
                    spec:
                      nodeClassRef: {group: karpenter.k8s.aws, kind: EC2NodeClass, name: default}
                      requirements:
                      - {key: karpenter.sh/capacity-type, operator: In, values: [spot, on-demand]}
                      - {key: karpenter.k8s.aws/instance-category, operator: In, values: [c, m, r], minValues: 2}
                      - {key: karpenter.k8s.aws/instance-generation, operator: Gt, values: ["4"]}
                      - {key: node.kubernetes.io/instance-type, operator: In, values: [m5.large]}
                      - {key: topology.kubernetes.io/zone, operator: In, values: [eu-west-1a]}
                      - {key: kubernetes.io/arch, operator: In, values: [amd64]}
                  limits: {cpu: "100"}
                """, """
                apiVersion: karpenter.sh/v1
                kind: NodePool
                metadata: {name: default}
                spec:
                  template:
                    spec:
                      nodeClassRef: {group: karpenter.azure.com, kind: AKSNodeClass, name: default}
                      requirements:
                      - {key: karpenter.sh/capacity-type, operator: In, values: [spot, on-demand]}
                      - {key: karpenter.azure.com/sku-family, operator: In, values: [F, D, E], minValues: 2}
                      - {key: node.kubernetes.io/instance-type, operator: In, values: [Standard_D2s_v3]}
                      - {key: topology.kubernetes.io/zone, operator: In, values: [westeurope-1]}
                      - {key: kubernetes.io/arch, operator: In, values: [amd64]}
                  limits: {cpu: "100"}
                """);
        KubeObject nodePool = proposal.proposed().get(0);
        Path crds = Path.of(System.getProperty("ferry.corpus", "/nonexistent"),
                "crds/aws__karpenter-provider-aws/pkg/apis/crds/karpenter.sh_nodepools.yaml");
        Assumptions.assumeTrue(Files.exists(crds), "Karpenter CRDs not in the corpus");
        assertThat(CrdSchemaValidator.load(crds, "v1").validate(nodePool.body())).isEmpty();
    }

    @Test
    void doesNothingInNodePoolsMode() {
        RuleHarness.of(new KarpenterNodePoolToNapRule()).rewriteRun("""
                apiVersion: karpenter.sh/v1
                kind: NodePool
                metadata: {name: default}
                spec:
                  template:
                    spec:
                      nodeClassRef: {group: karpenter.k8s.aws, kind: EC2NodeClass, name: default}
                """);
    }
}
