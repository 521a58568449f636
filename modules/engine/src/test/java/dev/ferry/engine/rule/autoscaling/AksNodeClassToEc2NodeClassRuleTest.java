package dev.ferry.engine.rule.autoscaling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Change;
import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class AksNodeClassToEc2NodeClassRuleTest {

    private static final String AKS_NODE_CLASS = """
            apiVersion: karpenter.azure.com/v1beta1
            kind: AKSNodeClass
            metadata: {name: default}
            spec: {imageFamily: AzureLinux, osDiskSizeGB: 100}
            """;

    @Test
    void replacesAksNodeClassWithEc2NodeClass() {
        Proposal proposal = RuleHarness.of(new AksNodeClassToEc2NodeClassRule()).rewriteRun(AKS_NODE_CLASS, """
                apiVersion: karpenter.k8s.aws/v1
                kind: EC2NodeClass
                metadata: {name: default}
                spec:
                  role: KarpenterNodeRole-shop-eks
                  amiSelectorTerms: [{alias: al2023@latest}]
                  subnetSelectorTerms: [{tags: {karpenter.sh/discovery: shop-eks}}]
                  securityGroupSelectorTerms: [{tags: {karpenter.sh/discovery: shop-eks}}]
                """);

        Change generated = RuleHarness.changeFor(proposal, "EC2NodeClass", "default");
        assertThat(generated.findings()).singleElement().satisfies(f ->
                assertThat(f.message()).contains("AzureLinux").contains("osDiskSizeGB"));
    }

    @Test
    void namesMissingClusterName() {
        Proposal proposal = RuleHarness.of(new AksNodeClassToEc2NodeClassRule()).settings("aws: {region: eu-west-1}\n")
                .run(AKS_NODE_CLASS);

        assertThat(RuleHarness.changeFor(proposal, "EC2NodeClass", "default").findings())
                .anyMatch(f -> f.severity() == Severity.ACTION_REQUIRED && f.settingKey().equals("aws.clusterName"));
    }
}
