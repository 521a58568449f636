package dev.ferry.engine.rule.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Change;
import dev.ferry.engine.Finding;
import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class AadBindingServiceAccountRuleTest {

    private final RuleHarness harness = RuleHarness.of(new AadBindingServiceAccountRule());

    private static final String ESTATE = """
            apiVersion: aadpodidentity.k8s.io/v1
            kind: AzureIdentity
            metadata: {name: blob-example, namespace: blob}
            spec: {type: 0, resourceID: /subscriptions/s/x, clientID: client-1}
            ---
            apiVersion: aadpodidentity.k8s.io/v1
            kind: AzureIdentityBinding
            metadata: {name: blob-example-binding, namespace: blob}
            spec: {azureIdentity: blob-example, selector: Blob_Example}
            """;

    @Test
    void generatesServiceAccountWithIrsaRoleForEachBinding() {
        Proposal proposal = harness.rewriteRun(ESTATE, ESTATE + """
                ---
                apiVersion: v1
                kind: ServiceAccount
                metadata:
                  name: blob-example
                  namespace: blob
                  annotations: {eks.amazonaws.com/role-arn: "arn:aws:iam::111122223333:role/shop-eks-blob-blob-example"}
                """);
        Change change = RuleHarness.changeFor(proposal, "ServiceAccount", "blob-example");
        assertThat(change.rationale()).contains("client-1").contains("/subscriptions/s/x");
        assertThat(change.findings()).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ACTION_REQUIRED);
            assertThat(f.message()).contains("iam/shop-eks-blob-blob-example-permissions-hint.md");
        });
    }

    @Test
    void generatesBareServiceAccountUnderPodIdentity() {
        Proposal proposal = harness.settings("""
                aws: {accountId: "111122223333", clusterName: shop-eks}
                identity: {mode: pod-identity}
                """).rewriteRun(ESTATE, ESTATE + """
                ---
                apiVersion: v1
                kind: ServiceAccount
                metadata: {name: blob-example, namespace: blob}
                """);
        assertThat(RuleHarness.changeFor(proposal, "ServiceAccount", "blob-example").findings())
                .anySatisfy(f -> assertThat(f.message()).contains("Pod Identity association"));
    }

    @Test
    void addsServiceAccountInWorkloadNamespaceForCrossNamespaceMatch() {
        String before = """
                apiVersion: aadpodidentity.k8s.io/v1
                kind: AzureIdentityBinding
                metadata: {name: demo-binding}
                spec: {azureIdentity: missing, selector: demo}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: p, namespace: shop, labels: {aadpodidbinding: demo}}
                spec: {containers: [{name: c, image: i}]}
                """;
        Proposal proposal = harness.rewriteRun(before, before + """
                ---
                apiVersion: v1
                kind: ServiceAccount
                metadata:
                  name: demo
                  annotations: {eks.amazonaws.com/role-arn: "arn:aws:iam::111122223333:role/shop-eks-default-demo"}
                ---
                apiVersion: v1
                kind: ServiceAccount
                metadata:
                  name: demo
                  namespace: shop
                  annotations: {eks.amazonaws.com/role-arn: "arn:aws:iam::111122223333:role/shop-eks-shop-demo"}
                """);
        Change shop = proposal.changes().stream().filter(c -> c.resource().namespace().equals("shop")).findFirst()
                .orElseThrow();
        assertThat(shop.findings()).extracting(Finding::message)
                .anySatisfy(m -> assertThat(m).contains("matched across namespaces"))
                .anySatisfy(m -> assertThat(m).contains("not in the input"));
    }

    @Test
    void avoidsNameOfAnExistingServiceAccount() {
        String before = ESTATE + """
                ---
                apiVersion: v1
                kind: ServiceAccount
                metadata: {name: blob-example, namespace: blob, labels: {team: a}}
                """;
        harness.rewriteRun(before, before + """
                ---
                apiVersion: v1
                kind: ServiceAccount
                metadata:
                  name: blob-example-aws
                  namespace: blob
                  annotations: {eks.amazonaws.com/role-arn: "arn:aws:iam::111122223333:role/shop-eks-blob-blob-example-aws"}
                """);
    }

    @Test
    void namesMissingSettingsOnGeneratedServiceAccount() {
        Proposal proposal = harness.settings("direction: aks-to-eks\n").run(ESTATE);
        assertThat(RuleHarness.changeFor(proposal, "ServiceAccount", "blob-example").findings())
                .extracting(Finding::settingKey).contains("aws.accountId", "aws.clusterName");
    }

    @Test
    void sanitizesSelectorsIntoDns1123Names() {
        assertThat(AadBindings.serviceAccountName("Blob_Example")).isEqualTo("blob-example");
        assertThat(AadBindings.serviceAccountName("  client-principal-pod-binding ")).isEqualTo(
                "client-principal-pod-binding");
        assertThat(AadBindings.serviceAccountName("__")).isEqualTo("aad-pod-identity");
        assertThat(AadBindings.serviceAccountName("a".repeat(70) + "-b")).hasSize(63);
    }

    @Test
    void generatesNothingWithoutBindings() {
        harness.rewriteRun("""
                apiVersion: v1
                kind: Pod
                metadata: {name: p, labels: {aadpodidbinding: orphan}}
                spec: {containers: [{name: c, image: i}]}
                """);
    }
}
