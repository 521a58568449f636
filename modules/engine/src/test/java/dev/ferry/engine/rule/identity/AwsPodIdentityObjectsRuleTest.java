package dev.ferry.engine.rule.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.ChangeType;
import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class AwsPodIdentityObjectsRuleTest {

    @Test
    void dropsAckPodIdentityAssociation() {
        Proposal proposal = RuleHarness.of(new AwsPodIdentityObjectsRule()).run("""
                apiVersion: eks.services.k8s.aws/v1alpha1
                kind: PodIdentityAssociation
                metadata: {name: cart, namespace: shop}
                spec: {clusterName: shop-eks, namespace: shop, serviceAccount: cart, roleARN: "arn:aws:iam::111122223333:role/cart"}
                """);
        assertThat(proposal.proposed()).isEmpty();
        assertThat(proposal.changes()).singleElement().satisfies(c -> {
            assertThat(c.type()).isEqualTo(ChangeType.DROP);
            assertThat(c.findings()).singleElement().satisfies(f -> assertThat(f.message()).contains("shop/cart"));
        });
    }

    @Test
    void reportsEksctlIdentitySectionsWithoutChangingThem() {
        Proposal proposal = RuleHarness.of(new AwsPodIdentityObjectsRule()).rewriteRun("""
                apiVersion: eksctl.io/v1alpha5
                kind: ClusterConfig
                metadata: {name: shop, region: eu-west-1}
                iam:
                  withOIDC: true
                  podIdentityAssociations:
                  - {namespace: shop, serviceAccountName: cart, permissionPolicyARNs: ["arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess"]}
                """);
        assertThat(RuleHarness.changeFor(proposal, "ClusterConfig", "shop").findings())
                .singleElement().satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.ACTION_REQUIRED);
                    assertThat(f.message()).contains("1 Pod Identity association");
                });
    }

    @Test
    void ignoresClusterConfigWithoutIdentity() {
        RuleHarness.of(new AwsPodIdentityObjectsRule()).rewriteRun("""
                apiVersion: eksctl.io/v1alpha5
                kind: ClusterConfig
                metadata: {name: shop, region: eu-west-1}
                managedNodeGroups: [{name: ng, instanceType: m5.large}]
                """);
    }
}
