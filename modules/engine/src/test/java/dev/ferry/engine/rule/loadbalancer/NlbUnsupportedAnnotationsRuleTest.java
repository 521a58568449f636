package dev.ferry.engine.rule.loadbalancer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class NlbUnsupportedAnnotationsRuleTest {

    @Test
    void removesAndReportsTheRest() {
        Proposal proposal = RuleHarness.of(new NlbUnsupportedAnnotationsRule()).rewriteRun("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: api
                  annotations:
                    service.beta.kubernetes.io/aws-load-balancer-scheme: internal
                    service.beta.kubernetes.io/aws-load-balancer-ssl-cert: arn:aws:acm:eu-west-1:111122223333:certificate/x
                    service.beta.kubernetes.io/aws-load-balancer-ssl-ports: "443"
                    service.beta.kubernetes.io/aws-load-balancer-security-groups: sg-1
                    service.beta.kubernetes.io/aws-load-balancer-name: api-nlb
                    service.beta.kubernetes.io/aws-load-balancer-quic-enabled-ports: "443"
                spec: {type: LoadBalancer}
                """, """
                apiVersion: v1
                kind: Service
                metadata:
                  name: api
                  annotations: {service.beta.kubernetes.io/aws-load-balancer-scheme: internal}
                spec: {type: LoadBalancer}
                """);
        assertThat(NlbFindings.messages(proposal, "Service", "api", Severity.ACTION_REQUIRED)).hasSize(2)
                .allMatch(m -> m.contains("cannot terminate TLS"));
        assertThat(NlbFindings.messages(proposal, "Service", "api", Severity.WARNING)).hasSize(2);
        assertThat(NlbFindings.messages(proposal, "Service", "api", Severity.INFO)).hasSize(1);
    }
}
