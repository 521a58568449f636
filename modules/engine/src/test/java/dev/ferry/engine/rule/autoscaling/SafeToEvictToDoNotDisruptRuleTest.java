package dev.ferry.engine.rule.autoscaling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class SafeToEvictToDoNotDisruptRuleTest {

    private static String job(String annotations) {
        return """
                apiVersion: batch/v1
                kind: Job
                metadata: {name: migrate, namespace: shop, annotations: {cluster-autoscaler.kubernetes.io/safe-to-evict: "false"}}
                spec:
                  template:
                    metadata:
                      annotations: %s
                    spec:
                      containers: [{name: migrate, image: busybox}]
                      restartPolicy: Never
                """.formatted(annotations);
    }

    @Test
    void addsDoNotDisruptAndKeepsSafeToEvict() {
        Proposal proposal = RuleHarness.of(new SafeToEvictToDoNotDisruptRule()).rewriteRun(
                job("{cluster-autoscaler.kubernetes.io/safe-to-evict: \"false\"}"),
                job("{cluster-autoscaler.kubernetes.io/safe-to-evict: \"false\", karpenter.sh/do-not-disrupt: \"true\"}"));

        assertThat(RuleHarness.changeFor(proposal, "Job", "migrate").findings()).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
    }

    @Test
    void leavesEvictablePodsAlone() {
        RuleHarness.of(new SafeToEvictToDoNotDisruptRule())
                .rewriteRun(job("{cluster-autoscaler.kubernetes.io/safe-to-evict: \"true\"}"));
    }

    @Test
    void leavesExistingDoNotDisruptAlone() {
        RuleHarness.of(new SafeToEvictToDoNotDisruptRule()).rewriteRun(
                job("{cluster-autoscaler.kubernetes.io/safe-to-evict: \"false\", karpenter.sh/do-not-disrupt: \"false\"}"));
    }
}
