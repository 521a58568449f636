package dev.ferry.engine.rule.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Artifact;
import dev.ferry.engine.Finding;
import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import dev.ferry.model.io.Yaml;
import org.junit.jupiter.api.Test;

class IamRoleArtifactsRuleTest {

    private final RuleHarness harness = RuleHarness.of(new IamRoleArtifactsRule());

    private static final String SA = """
            apiVersion: v1
            kind: ServiceAccount
            metadata:
              name: cart
              namespace: shop
              annotations: {azure.workload.identity/client-id: 00000000-1111-2222-3333-444444444444}
            """;

    private static String artifact(Proposal proposal, String path) {
        return proposal.artifacts().stream().filter(a -> a.path().equals(path)).map(Artifact::content).findFirst()
                .orElseThrow(() -> new AssertionError("no artifact " + path + " in "
                        + proposal.artifacts().stream().map(Artifact::path).toList()));
    }

    @Test
    void writesIrsaTrustPolicyOfTheExactShape() {
        Proposal proposal = harness.rewriteRun(SA);
        String provider = "oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";
        assertThat(Yaml.parse(artifact(proposal, "iam/shop-eks-shop-cart-trust.json"))).isEqualTo(Yaml.parse("""
                {
                  "Version": "2012-10-17",
                  "Statement": [{
                    "Effect": "Allow",
                    "Principal": { "Federated": "arn:aws:iam::111122223333:oidc-provider/%1$s" },
                    "Action": "sts:AssumeRoleWithWebIdentity",
                    "Condition": {
                      "StringEquals": {
                        "%1$s:sub": "system:serviceaccount:shop:cart",
                        "%1$s:aud": "sts.amazonaws.com"
                      }
                    }
                  }]
                }
                """.formatted(provider)));
        assertThat(proposal.changes()).isEmpty();
    }

    @Test
    void writesPermissionsHintWithAzureRoleTable() {
        Proposal proposal = harness.rewriteRun(SA);
        String hint = artifact(proposal, "iam/shop-eks-shop-cart-permissions-hint.md");
        assertThat(hint).contains("arn:aws:iam::111122223333:role/shop-eks-shop-cart")
                .contains("ServiceAccount `shop/cart`")
                .contains("Ferry cannot see them")
                .contains("az role assignment list --all --assignee 00000000-1111-2222-3333-444444444444")
                .contains("| Storage Blob Data Reader | `2a2b9908-6ea1-4ae2-8e65-a410df84e7d1` |")
                .contains("| AcrPull |")
                .contains("kms:Decrypt")
                .contains("aws iam put-role-policy --role-name shop-eks-shop-cart --policy-name app");
    }

    @Test
    void writesPodIdentityTrustPolicy() {
        Proposal proposal = harness.settings("""
                aws: {accountId: "111122223333", clusterName: shop-eks}
                identity: {mode: pod-identity}
                """).rewriteRun(SA);
        assertThat(Yaml.parse(artifact(proposal, "iam/shop-eks-shop-cart-trust.json"))).isEqualTo(Yaml.parse("""
                { "Version": "2012-10-17",
                  "Statement": [{ "Effect": "Allow",
                                  "Principal": { "Service": "pods.eks.amazonaws.com" },
                                  "Action": ["sts:AssumeRole", "sts:TagSession"] }] }
                """));
        assertThat(proposal.changes()).isEmpty();
    }

    @Test
    void namesMissingOidcProviderAndUsesPlaceholder() {
        Proposal proposal = harness.settings("""
                aws: {accountId: "111122223333", region: eu-west-1, clusterName: shop-eks}
                """).rewriteRun(SA);
        assertThat(RuleHarness.changeFor(proposal, "ServiceAccount", "cart").findings()).singleElement()
                .satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.ACTION_REQUIRED);
                    assertThat(f.settingKey()).isEqualTo("identity.oidcProvider");
                });
        assertThat(artifact(proposal, "iam/shop-eks-shop-cart-trust.json"))
                .contains("oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/OIDC_ID")
                .contains("oidc.eks.eu-west-1.amazonaws.com/id/OIDC_ID:sub");
    }

    @Test
    void sharesOneRoleWhenThePatternGivesTheSameName() {
        Proposal proposal = harness.settings(RuleHarness.DEFAULT_SETTINGS
                .replace("identity: {", "identity: {roleNamePattern: \"{cluster}-{serviceAccount}\", ")).rewriteRun(
                SA + """
                ---
                apiVersion: v1
                kind: ServiceAccount
                metadata:
                  name: cart
                  namespace: staging
                  annotations: {azure.workload.identity/client-id: other}
                """);
        assertThat(artifact(proposal, "iam/shop-eks-cart-trust.json"))
                .contains("\"system:serviceaccount:shop:cart\"").contains("\"system:serviceaccount:staging:cart\"");
        assertThat(proposal.changes()).allSatisfy(c -> assertThat(c.findings()).extracting(Finding::severity)
                .containsExactly(Severity.WARNING));
    }

    @Test
    void writesArtifactsForAadPodIdentityBindings() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: aadpodidentity.k8s.io/v1
                kind: AzureIdentity
                metadata: {name: blob-example, namespace: blob}
                spec: {type: 0, resourceID: /subscriptions/s/x, clientID: client-1}
                ---
                apiVersion: aadpodidentity.k8s.io/v1
                kind: AzureIdentityBinding
                metadata: {name: b, namespace: blob}
                spec: {azureIdentity: blob-example, selector: blob-example}
                """);
        assertThat(artifact(proposal, "iam/shop-eks-blob-blob-example-trust.json"))
                .contains("system:serviceaccount:blob:blob-example");
        assertThat(artifact(proposal, "iam/shop-eks-blob-blob-example-permissions-hint.md"))
                .contains("clientID `client-1`").contains("--assignee client-1");
    }

    @Test
    void writesNothingWithoutIdentities() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: v1
                kind: ServiceAccount
                metadata: {name: plain}
                """);
        assertThat(proposal.artifacts()).isEmpty();
    }
}
