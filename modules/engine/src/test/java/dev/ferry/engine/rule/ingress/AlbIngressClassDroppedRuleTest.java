package dev.ferry.engine.rule.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.ChangeType;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class AlbIngressClassDroppedRuleTest {

    @Test
    void dropsAlbClassAndItsParams() {
        Proposal proposal = RuleHarness.of(new AlbIngressClassDroppedRule()).rewriteRun("""
                apiVersion: networking.k8s.io/v1
                kind: IngressClass
                metadata: {name: alb}
                spec:
                  controller: ingress.k8s.aws/alb
                  parameters: {apiGroup: elbv2.k8s.aws, kind: IngressClassParams, name: alb-params}
                ---
                apiVersion: elbv2.k8s.aws/v1beta1
                kind: IngressClassParams
                metadata: {name: alb-params}
                spec: {scheme: internet-facing, group: {name: shop}}
                ---
                apiVersion: networking.k8s.io/v1
                kind: IngressClass
                metadata: {name: nginx}
                spec: {controller: k8s.io/ingress-nginx}
                """, """
                apiVersion: networking.k8s.io/v1
                kind: IngressClass
                metadata: {name: nginx}
                spec: {controller: k8s.io/ingress-nginx}
                """);
        assertThat(RuleHarness.changeFor(proposal, "IngressClassParams", "alb-params").type()).isEqualTo(ChangeType.DROP);
        assertThat(Findings.of(proposal, "IngressClassParams", "alb-params"))
                .anyMatch(f -> f.message().contains("scheme, group"));
    }
}
