package dev.ferry.engine.rule.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class AgicWafPolicyRuleTest {

    private static final String BEFORE = """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: web
              annotations:
                appgw.ingress.kubernetes.io/waf-policy-for-path: "%s"
            spec: {ingressClassName: azure-application-gateway}
            """;
    private static final String AFTER = """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: web
            spec: {ingressClassName: azure-application-gateway}
            """;
    private static final String POLICY = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Network/"
            + "applicationGatewayWebApplicationFirewallPolicies/shop-waf";

    @Test
    void removesWafPolicyAndHintsWafv2AclArn() {
        Proposal proposal = RuleHarness.of(new AgicWafPolicyRule()).rewriteRun(BEFORE.formatted(POLICY), AFTER);
        assertThat(Findings.messages(proposal, "Ingress", "web", Severity.ACTION_REQUIRED)).singleElement()
                .asString().contains("wafv2-acl-arn: arn:aws:wafv2:eu-west-1:111122223333:regional/webacl/shop-waf/");
    }

    @Test
    void usesPlaceholdersWithoutAwsSettings() {
        Proposal proposal = RuleHarness.of(new AgicWafPolicyRule()).settings("direction: aks-to-eks")
                .rewriteRun(BEFORE.formatted(POLICY), AFTER);
        assertThat(Findings.messages(proposal, "Ingress", "web", Severity.ACTION_REQUIRED)).singleElement()
                .asString().contains("arn:aws:wafv2:<region>:<account>:");
    }

    @Test
    void removesWafNoneWithInfoOnly() {
        Proposal proposal = RuleHarness.of(new AgicWafPolicyRule()).rewriteRun(BEFORE.formatted("none"), AFTER);
        assertThat(RuleHarness.changeFor(proposal, "Ingress", "web").needsAction()).isFalse();
    }
}
