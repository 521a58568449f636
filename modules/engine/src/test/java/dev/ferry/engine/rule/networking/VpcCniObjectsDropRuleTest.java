package dev.ferry.engine.rule.networking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.ChangeType;
import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class VpcCniObjectsDropRuleTest {

    @Test
    void dropsEniConfigAndSecurityGroupPolicyWithTheirAzureEquivalent() {
        Proposal proposal = RuleHarness.of(new VpcCniObjectsDropRule()).run("""
                apiVersion: crd.k8s.amazonaws.com/v1alpha1
                kind: ENIConfig
                metadata: {name: eu-west-1a}
                spec: {securityGroups: [sg-1], subnet: subnet-1}
                ---
                apiVersion: vpcresources.k8s.aws/v1beta1
                kind: SecurityGroupPolicy
                metadata: {name: db-access, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: cart}}
                  securityGroups: {groupIds: [sg-2]}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: keep, namespace: shop}
                """);
        assertThat(proposal.proposed()).extracting(o -> o.name()).containsExactly("keep");
        assertThat(proposal.changes()).hasSize(2).allSatisfy(c -> assertThat(c.type()).isEqualTo(ChangeType.DROP));
        assertThat(RuleHarness.changeFor(proposal, "SecurityGroupPolicy", "db-access").findings())
                .singleElement().satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.ACTION_REQUIRED);
                    assertThat(f.message()).contains("NetworkPolic").contains("sg-2");
                });
        assertThat(RuleHarness.changeFor(proposal, "ENIConfig", "eu-west-1a").findings())
                .singleElement().satisfies(f -> assertThat(f.message()).contains("Overlay"));
    }
}
