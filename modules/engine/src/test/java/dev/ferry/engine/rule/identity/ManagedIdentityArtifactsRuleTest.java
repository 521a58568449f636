package dev.ferry.engine.rule.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Artifact;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class ManagedIdentityArtifactsRuleTest {

    @Test
    void writesIdentityAndFederatedCredentialPerServiceAccountWithRoleHints() {
        Proposal proposal = RuleHarness.of(new ManagedIdentityArtifactsRule()).run("""
                apiVersion: v1
                kind: ServiceAccount
                metadata: {name: catalog, namespace: catalog, annotations: {eks.amazonaws.com/role-arn: "arn:aws:iam::111122223333:role/catalog"}}
                ---
                apiVersion: eksctl.io/v1alpha5
                kind: ClusterConfig
                metadata: {name: shop, region: eu-west-1}
                iam:
                  podIdentityAssociations:
                  - namespace: carts
                    serviceAccountName: carts
                    permissionPolicyARNs: ["arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess"]
                  serviceAccounts:
                  - metadata: {name: uploader}
                    attachPolicy:
                      Statement: [{Effect: Allow, Action: ["s3:PutObject", "secretsmanager:GetSecretValue"], Resource: "*"}]
                """);
        assertThat(proposal.artifacts()).extracting(Artifact::path)
                .containsExactly(ManagedIdentityArtifactsRule.SCRIPT, ManagedIdentityArtifactsRule.HINTS);
        String script = proposal.artifacts().get(0).content();
        assertThat(script)
                .contains("az account set --subscription '00000000-0000-0000-0000-000000000001'")
                .contains("rg='shop-rg'")
                .contains("az identity create -g \"$rg\" -n 'shop-aks-catalog-catalog'")
                .contains("--identity-name 'shop-aks-carts-carts' --name 'carts-carts' --issuer \"$issuer\" "
                        + "--subject 'system:serviceaccount:carts:carts' --audiences api://AzureADTokenExchange")
                .contains("--subject 'system:serviceaccount:default:uploader'");
        String hints = proposal.artifacts().get(1).content();
        assertThat(hints)
                .contains("## carts/carts")
                .contains("`dynamodb` → Storage Table Data Reader / Contributor")
                .contains("`s3` → Storage Blob Data Reader")
                .contains("`secretsmanager` → Key Vault Secrets User");
    }

    @Test
    void writesNothingWithoutAwsRoles() {
        Proposal proposal = RuleHarness.of(new ManagedIdentityArtifactsRule()).run("""
                apiVersion: v1
                kind: ServiceAccount
                metadata: {name: plain, namespace: x}
                """);
        assertThat(proposal.artifacts()).isEmpty();
    }
}
