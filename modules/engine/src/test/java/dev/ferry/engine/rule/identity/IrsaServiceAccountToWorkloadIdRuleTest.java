package dev.ferry.engine.rule.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Finding;
import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class IrsaServiceAccountToWorkloadIdRuleTest {

    private static final String SETTINGS = RuleHarness.EKS_TO_AKS_SETTINGS.replace("identity: {clientIds: {}}",
            "identity: {clientIds: {shop/cart: 11111111-2222-3333-4444-555555555555}}");

    @Test
    void replacesRoleArnWithClientIdFromSettings() {
        RuleHarness.of(new IrsaServiceAccountToWorkloadIdRule()).settings(SETTINGS).rewriteRun("""
                apiVersion: v1
                kind: ServiceAccount
                metadata:
                  name: cart
                  namespace: shop
                  annotations:
                    eks.amazonaws.com/role-arn: arn:aws:iam::111122223333:role/cart
                    eks.amazonaws.com/audience: sts.amazonaws.com
                    eks.amazonaws.com/sts-regional-endpoints: "true"
                    team: payments
                """, """
                apiVersion: v1
                kind: ServiceAccount
                metadata:
                  name: cart
                  namespace: shop
                  annotations:
                    azure.workload.identity/client-id: 11111111-2222-3333-4444-555555555555
                    team: payments
                """);
    }

    @Test
    void writesPlaceholderAndAsksForClientIdWhenUnknown() {
        Proposal proposal = RuleHarness.of(new IrsaServiceAccountToWorkloadIdRule()).rewriteRun("""
                apiVersion: v1
                kind: ServiceAccount
                metadata:
                  name: orders
                  annotations: {eks.amazonaws.com/role-arn: "${ORDERS_ROLE}"}
                """, """
                apiVersion: v1
                kind: ServiceAccount
                metadata:
                  name: orders
                  annotations: {azure.workload.identity/client-id: 00000000-0000-0000-0000-000000000000}
                """);
        assertThat(RuleHarness.changeFor(proposal, "ServiceAccount", "orders").findings())
                .anySatisfy(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.ACTION_REQUIRED);
                    assertThat(f.settingKey()).isEqualTo("identity.clientIds");
                    assertThat(f.message()).contains("default/orders");
                });
    }

    @Test
    void annotatesServiceAccountOfAnAckPodIdentityAssociation() {
        Proposal proposal = RuleHarness.of(new IrsaServiceAccountToWorkloadIdRule()).settings(SETTINGS).run("""
                apiVersion: v1
                kind: ServiceAccount
                metadata: {name: cart, namespace: shop}
                ---
                apiVersion: eks.services.k8s.aws/v1alpha1
                kind: PodIdentityAssociation
                metadata: {name: cart, namespace: shop}
                spec: {clusterName: shop-eks, namespace: shop, serviceAccount: cart, roleARN: "arn:aws:iam::111122223333:role/cart"}
                """);
        assertThat(RuleHarness.changeFor(proposal, "ServiceAccount", "cart").findings())
                .extracting(Finding::severity).containsExactly(Severity.ACTION_REQUIRED);
        assertThat(proposal.proposed().stream().filter(o -> o.kind().equals("ServiceAccount")).findFirst()
                .orElseThrow().annotations()).containsEntry("azure.workload.identity/client-id",
                "11111111-2222-3333-4444-555555555555");
    }

    @Test
    void leavesServiceAccountWithoutAwsRoleAlone() {
        RuleHarness.of(new IrsaServiceAccountToWorkloadIdRule()).rewriteRun("""
                apiVersion: v1
                kind: ServiceAccount
                metadata: {name: plain, namespace: shop}
                """);
    }
}
