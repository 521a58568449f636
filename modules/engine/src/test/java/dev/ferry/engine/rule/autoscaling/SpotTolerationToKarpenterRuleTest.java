package dev.ferry.engine.rule.autoscaling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.patch.PatchOp;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class SpotTolerationToKarpenterRuleTest {

    private static String statefulSet(String tolerations) {
        return """
                apiVersion: apps/v1
                kind: StatefulSet
                metadata: {name: db, namespace: shop}
                spec:
                  serviceName: db
                  selector: {matchLabels: {app: db}}
                  template:
                    metadata: {labels: {app: db}}
                    spec:
                      %s
                      containers: [{name: db, image: postgres}]
                """.formatted(tolerations.isEmpty() ? "" : "tolerations: " + tolerations);
    }

    @Test
    void rewritesSpotTolerationAndKeepsCriticalAddonsOnly() {
        Proposal proposal = RuleHarness.of(new SpotTolerationToKarpenterRule()).rewriteRun(
                statefulSet("[{key: kubernetes.azure.com/scalesetpriority, operator: Equal, value: spot, effect: NoSchedule},"
                        + " {key: CriticalAddonsOnly, operator: Exists}]"),
                statefulSet("[{key: karpenter.sh/capacity-type, operator: Equal, value: spot, effect: NoSchedule},"
                        + " {key: CriticalAddonsOnly, operator: Exists}]"));

        assertThat(RuleHarness.changeFor(proposal, "StatefulSet", "db").patch()).singleElement()
                .satisfies(op -> assertThat(op.op()).isEqualTo("replace"))
                .extracting(PatchOp::path).isEqualTo("/spec/template/spec/tolerations");
    }

    @Test
    void rewritesExistsSpotToleration() {
        RuleHarness.of(new SpotTolerationToKarpenterRule()).rewriteRun(
                statefulSet("[{key: kubernetes.azure.com/scalesetpriority, operator: Exists, effect: NoSchedule}]"),
                statefulSet("[{key: karpenter.sh/capacity-type, operator: Exists, effect: NoSchedule}]"));
    }

    @Test
    void removesVirtualNodeTolerationsAndEmptyArray() {
        Proposal proposal = RuleHarness.of(new SpotTolerationToKarpenterRule()).rewriteRun(
                statefulSet("[{key: virtual-kubelet.io/provider, operator: Exists}, {key: azure.com/aci, effect: NoSchedule}]"),
                statefulSet(""));

        assertThat(RuleHarness.changeFor(proposal, "StatefulSet", "db").findings()).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("virtual-kubelet.io/provider"));
    }

    @Test
    void leavesOtherTolerationsAlone() {
        RuleHarness.of(new SpotTolerationToKarpenterRule())
                .rewriteRun(statefulSet("[{key: CriticalAddonsOnly, operator: Exists}, {key: nvidia.com/gpu, operator: Exists}]"));
    }
}
