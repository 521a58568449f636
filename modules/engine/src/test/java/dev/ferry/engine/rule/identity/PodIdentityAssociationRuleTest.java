package dev.ferry.engine.rule.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Artifact;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import dev.ferry.model.io.Yaml;
import org.junit.jupiter.api.Test;

class PodIdentityAssociationRuleTest {

    private final RuleHarness harness = RuleHarness.of(new PodIdentityAssociationRule());

    private static final String ESTATE = """
            apiVersion: v1
            kind: ServiceAccount
            metadata:
              name: cart
              namespace: shop
              annotations: {azure.workload.identity/client-id: abc}
            ---
            apiVersion: aadpodidentity.k8s.io/v1
            kind: AzureIdentityBinding
            metadata: {name: b}
            spec: {azureIdentity: demo, selector: demo}
            """;

    private static final String POD_IDENTITY = """
            aws: {accountId: "111122223333", region: eu-west-1, clusterName: shop-eks}
            identity: {mode: pod-identity}
            """;

    private static String artifact(Proposal proposal, String path) {
        return proposal.artifacts().stream().filter(a -> a.path().equals(path)).map(Artifact::content).findFirst()
                .orElseThrow(() -> new AssertionError("no artifact " + path));
    }

    @Test
    void listsAssociationsAsJsonAndEksctl() {
        Proposal proposal = harness.settings(POD_IDENTITY).rewriteRun(ESTATE);
        assertThat(Yaml.parse(artifact(proposal, "identity/pod-identity-associations.json"))).isEqualTo(Yaml.parse("""
                [{"clusterName": "shop-eks", "namespace": "default", "serviceAccount": "demo",
                  "roleArn": "arn:aws:iam::111122223333:role/shop-eks-default-demo"},
                 {"clusterName": "shop-eks", "namespace": "shop", "serviceAccount": "cart",
                  "roleArn": "arn:aws:iam::111122223333:role/shop-eks-shop-cart"}]
                """));
        assertThat(Yaml.parse(artifact(proposal, "identity/eksctl-pod-identity-associations.yaml")))
                .isEqualTo(Yaml.parse("""
                        apiVersion: eksctl.io/v1alpha5
                        kind: ClusterConfig
                        metadata: {name: shop-eks, region: eu-west-1}
                        iam:
                          podIdentityAssociations:
                          - {namespace: default, serviceAccountName: demo,
                             roleARN: "arn:aws:iam::111122223333:role/shop-eks-default-demo"}
                          - {namespace: shop, serviceAccountName: cart,
                             roleARN: "arn:aws:iam::111122223333:role/shop-eks-shop-cart"}
                        """));
    }

    @Test
    void usesPlaceholdersWhenClusterIsMissing() {
        Proposal proposal = harness.settings("identity: {mode: pod-identity}\n").rewriteRun(ESTATE);
        assertThat(artifact(proposal, "identity/pod-identity-associations.json"))
                .contains("\"clusterName\" : \"CLUSTER_NAME\"")
                .contains("arn:aws:iam::ACCOUNT_ID:role/CLUSTER_NAME-shop-cart");
    }

    @Test
    void writesNothingInIrsaMode() {
        Proposal proposal = harness.rewriteRun(ESTATE);
        assertThat(proposal.artifacts()).isEmpty();
    }
}
