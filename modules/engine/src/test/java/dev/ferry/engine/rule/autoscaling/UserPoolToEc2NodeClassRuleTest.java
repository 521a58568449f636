package dev.ferry.engine.rule.autoscaling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Change;
import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class UserPoolToEc2NodeClassRuleTest {

    private static final String NAMESPACE = """
            apiVersion: v1
            kind: Namespace
            metadata: {name: shop}
            """;

    private static String nodeClass(String name, String alias, String cluster) {
        return """
                apiVersion: karpenter.k8s.aws/v1
                kind: EC2NodeClass
                metadata: {name: %s}
                spec:
                  role: KarpenterNodeRole-%s
                  amiSelectorTerms: [{alias: "%s"}]
                  subnetSelectorTerms: [{tags: {karpenter.sh/discovery: "%s"}}]
                  securityGroupSelectorTerms: [{tags: {karpenter.sh/discovery: "%s"}}]
                """.formatted(name, cluster, alias, cluster, cluster);
    }

    @Test
    void generatesAl2023NodeClassPerUserPool() {
        Proposal proposal = RuleHarness.of(new UserPoolToEc2NodeClassRule()).nodes(AksNodes.CLUSTER)
                .rewriteRun(NAMESPACE, NAMESPACE
                        + "---\n" + nodeClass("web", "al2023@latest", "shop-eks")
                        + "---\n" + nodeClass("spot", "al2023@latest", "shop-eks"));

        assertThat(RuleHarness.changeFor(proposal, "EC2NodeClass", "web").findings()).isEmpty();
    }

    @Test
    void windowsPoolGetsWindowsAlias() {
        String nodes = AksNodes.node("akswin000000", "win", "user", "Standard_D4s_v3", "westeurope-1",
                "kubernetes.azure.com/os-sku: Windows2019", "").replace("kubernetes.io/os: linux", "kubernetes.io/os: windows");
        Proposal proposal = RuleHarness.of(new UserPoolToEc2NodeClassRule()).nodes(nodes)
                .rewriteRun(NAMESPACE, NAMESPACE + "---\n" + nodeClass("win", "windows2019@latest", "shop-eks"));

        assertThat(RuleHarness.changeFor(proposal, "EC2NodeClass", "win").findings())
                .anyMatch(f -> f.severity() == Severity.INFO && f.message().contains("windows2019@latest"));
    }

    @Test
    void missingClusterNameIsAPlaceholderAndAMissingSetting() {
        Proposal proposal = RuleHarness.of(new UserPoolToEc2NodeClassRule()).nodes(AksNodes.WEB)
                .settings("aws: {region: eu-west-1}\n")
                .rewriteRun(NAMESPACE, NAMESPACE + "---\n" + nodeClass("web", "al2023@latest", "<aws.clusterName>"));

        Change web = RuleHarness.changeFor(proposal, "EC2NodeClass", "web");
        assertThat(web.findings()).singleElement()
                .satisfies(f -> assertThat(f.settingKey()).isEqualTo("aws.clusterName"))
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ACTION_REQUIRED));
    }

    @Test
    void systemPoolGetsNoNodeClass() {
        RuleHarness.of(new UserPoolToEc2NodeClassRule()).nodes(AksNodes.SYSTEM).rewriteRun(NAMESPACE);
    }
}
