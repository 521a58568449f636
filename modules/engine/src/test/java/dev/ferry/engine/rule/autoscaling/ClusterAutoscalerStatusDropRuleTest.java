package dev.ferry.engine.rule.autoscaling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.ChangeType;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class ClusterAutoscalerStatusDropRuleTest {

    private static final String OTHER = """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: app-config, namespace: shop}
            data: {a: b}
            """;

    @Test
    void dropsClusterAutoscalerStatus() {
        String status = """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: cluster-autoscaler-status, namespace: shop}
                data: {status: "Cluster-autoscaler status at 2024-05-01 ..."}
                """;
        Proposal proposal = RuleHarness.of(new ClusterAutoscalerStatusDropRule())
                .rewriteRun(status + "---\n" + OTHER, OTHER);

        assertThat(RuleHarness.changeFor(proposal, "ConfigMap", "cluster-autoscaler-status").type())
                .isEqualTo(ChangeType.DROP);
    }

    @Test
    void keepsOtherConfigMaps() {
        RuleHarness.of(new ClusterAutoscalerStatusDropRule()).rewriteRun(OTHER);
    }
}
