package dev.ferry.engine.rule.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Change;
import dev.ferry.engine.Finding;
import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class WorkloadIdentityServiceAccountRuleTest {

    private final RuleHarness harness = RuleHarness.of(new WorkloadIdentityServiceAccountRule());

    @Test
    void replacesClientIdWithIrsaRoleArn() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: v1
                kind: ServiceAccount
                metadata:
                  name: cart
                  namespace: shop
                  labels: {app: cart, azure.workload.identity/use: "true"}
                  annotations:
                    azure.workload.identity/client-id: 00000000-1111-2222-3333-444444444444
                    azure.workload.identity/tenant-id: 55555555-6666-7777-8888-999999999999
                    owner: team-a
                """, """
                apiVersion: v1
                kind: ServiceAccount
                metadata:
                  name: cart
                  namespace: shop
                  labels: {app: cart}
                  annotations:
                    owner: team-a
                    eks.amazonaws.com/role-arn: arn:aws:iam::111122223333:role/shop-eks-shop-cart
                """);
        Change change = RuleHarness.changeFor(proposal, "ServiceAccount", "cart");
        assertThat(change.rationale()).contains("EDGES.md §1.9");
        assertThat(change.findings()).extracting(Finding::severity)
                .containsExactlyInAnyOrder(Severity.INFO, Severity.ACTION_REQUIRED);
        assertThat(change.findings()).anySatisfy(f -> assertThat(f.message())
                .contains("iam/shop-eks-shop-cart-permissions-hint.md").contains("Ferry cannot see"));
    }

    @Test
    void usesPodIdentityAssociationInsteadOfAnnotation() {
        Proposal proposal = harness.settings("""
                aws: {accountId: "111122223333", region: eu-west-1, clusterName: shop-eks}
                identity: {mode: pod-identity}
                """).rewriteRun("""
                apiVersion: v1
                kind: ServiceAccount
                metadata:
                  name: cart
                  namespace: shop
                  annotations:
                    azure.workload.identity/client-id: 00000000-1111-2222-3333-444444444444
                """, """
                apiVersion: v1
                kind: ServiceAccount
                metadata:
                  name: cart
                  namespace: shop
                """);
        assertThat(RuleHarness.changeFor(proposal, "ServiceAccount", "cart").findings())
                .anySatisfy(f -> assertThat(f.message()).contains("identity/pod-identity-associations.json")
                        .contains("arn:aws:iam::111122223333:role/shop-eks-shop-cart"));
    }

    @Test
    void appliesRoleNamePatternAndDefaultNamespace() {
        harness.settings("""
                aws: {accountId: "111122223333", region: cn-north-1, clusterName: shop-eks}
                identity: {roleNamePattern: "app-{serviceAccount}"}
                """).rewriteRun("""
                apiVersion: v1
                kind: ServiceAccount
                metadata:
                  name: cart
                  annotations: {azure.workload.identity/client-id: abc}
                """, """
                apiVersion: v1
                kind: ServiceAccount
                metadata:
                  name: cart
                  annotations: {eks.amazonaws.com/role-arn: "arn:aws-cn:iam::111122223333:role/app-cart"}
                """);
    }

    @Test
    void shortensRoleNamesLongerThanSixtyFourCharacters() {
        String namespace = "payments-processing-europe-west";
        String sa = "settlement-reconciliation-worker";
        String roleName = IdentitySettings.of(dev.ferry.engine.settings.MigrationSettings.of(
                dev.ferry.model.io.Yaml.parse(RuleHarness.DEFAULT_SETTINGS))).roleName(namespace, sa);
        assertThat(roleName).hasSize(64).startsWith("shop-eks-payments-processing-europe-west-settlement-")
                .matches(".*-[0-9a-f]{8}");
        assertThat(IdentitySettings.shorten("shop-eks-" + namespace + "-" + sa)).isEqualTo(roleName);
        assertThat(IdentitySettings.shorten("shop-eks-" + namespace + "-" + sa + "x")).isNotEqualTo(roleName);
        harness.rewriteRun("""
                apiVersion: v1
                kind: ServiceAccount
                metadata:
                  name: %s
                  namespace: %s
                  annotations: {azure.workload.identity/client-id: abc}
                """.formatted(sa, namespace), """
                apiVersion: v1
                kind: ServiceAccount
                metadata:
                  name: %s
                  namespace: %s
                  annotations: {eks.amazonaws.com/role-arn: "arn:aws:iam::111122223333:role/%s"}
                """.formatted(sa, namespace, roleName));
    }

    @Test
    void namesMissingAccountAndClusterAndKeepsPlaceholders() {
        Proposal proposal = harness.settings("direction: aks-to-eks\n").rewriteRun("""
                apiVersion: v1
                kind: ServiceAccount
                metadata:
                  name: cart
                  namespace: shop
                  annotations: {azure.workload.identity/client-id: abc}
                """, """
                apiVersion: v1
                kind: ServiceAccount
                metadata:
                  name: cart
                  namespace: shop
                  annotations: {eks.amazonaws.com/role-arn: "arn:aws:iam::ACCOUNT_ID:role/CLUSTER_NAME-shop-cart"}
                """);
        assertThat(RuleHarness.changeFor(proposal, "ServiceAccount", "cart").findings())
                .extracting(Finding::settingKey).contains("aws.accountId", "aws.clusterName");
    }

    @Test
    void flagsUnknownModeAndMalformedAccount() {
        Proposal proposal = harness.settings("""
                aws: {accountId: "1234", clusterName: shop-eks}
                identity: {mode: kiam}
                """).run("""
                apiVersion: v1
                kind: ServiceAccount
                metadata: {name: cart, namespace: shop, annotations: {azure.workload.identity/client-id: abc}}
                """);
        assertThat(RuleHarness.changeFor(proposal, "ServiceAccount", "cart").findings())
                .extracting(Finding::settingKey).contains("identity.mode", "aws.accountId");
        assertThat(proposal.proposed().get(0).annotations())
                .containsEntry("eks.amazonaws.com/role-arn", "arn:aws:iam::ACCOUNT_ID:role/shop-eks-shop-cart");
    }

    @Test
    void stripsWorkloadIdKeysFromServiceAccountWithoutClientId() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: v1
                kind: ServiceAccount
                metadata:
                  name: legacy
                  namespace: shop
                  labels: {azure.workload.identity/use: "true", app: legacy}
                """, """
                apiVersion: v1
                kind: ServiceAccount
                metadata:
                  name: legacy
                  namespace: shop
                  labels: {app: legacy}
                """);
        assertThat(RuleHarness.changeFor(proposal, "ServiceAccount", "legacy").findings())
                .extracting(Finding::severity).containsExactly(Severity.WARNING);
    }

    @Test
    void leavesPlainServiceAccountsAlone() {
        harness.rewriteRun("""
                apiVersion: v1
                kind: ServiceAccount
                metadata: {name: plain, namespace: shop, annotations: {eks.amazonaws.com/role-arn: x}}
                """);
    }
}
