package dev.ferry.engine.rule.loadbalancer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class TargetGroupBindingDroppedRuleTest {

    @Test
    void dropsBindingNamingServiceAndTargetGroup() {
        Proposal proposal = RuleHarness.of(new TargetGroupBindingDroppedRule()).rewriteRun("""
                apiVersion: elbv2.k8s.aws/v1beta1
                kind: TargetGroupBinding
                metadata: {name: ui-tgb, namespace: shop}
                spec:
                  serviceRef: {name: ui, port: 80}
                  targetGroupARN: arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/ui/abc
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: ui, namespace: shop}
                spec: {ports: [{port: 80}]}
                """, """
                apiVersion: v1
                kind: Service
                metadata: {name: ui, namespace: shop}
                spec: {ports: [{port: 80}]}
                """);
        assertThat(NlbFindings.messages(proposal, "TargetGroupBinding", "ui-tgb", Severity.ACTION_REQUIRED))
                .singleElement().asString().contains("Service `ui` port 80").contains("targetgroup/ui/abc");
    }
}
