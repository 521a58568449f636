package dev.ferry.engine.rule.autoscaling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class FargateProfileReportedRuleTest {

    @Test
    void reportsFargateProfilesWithVirtualNodes() {
        Proposal proposal = RuleHarness.of(new FargateProfileReportedRule()).rewriteRun("""
                apiVersion: eksctl.io/v1alpha5
                kind: ClusterConfig
                metadata: {name: shop, region: eu-west-1}
                fargateProfiles:
                - name: fp-default
                  selectors:
                  - namespace: batch
                    labels: {runtime: fargate}
                """);
        assertThat(RuleHarness.changeFor(proposal, "ClusterConfig", "shop").findings()).singleElement()
                .satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.ACTION_REQUIRED);
                    assertThat(f.message()).contains("fp-default").contains("batch").contains("virtual-kubelet");
                });
    }

    @Test
    void ignoresClusterConfigWithoutFargate() {
        RuleHarness.of(new FargateProfileReportedRule()).rewriteRun("""
                apiVersion: eksctl.io/v1alpha5
                kind: ClusterConfig
                metadata: {name: shop, region: eu-west-1}
                managedNodeGroups: [{name: ng-1}]
                """);
    }
}
