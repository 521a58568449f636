package dev.ferry.engine.rule.loadbalancer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class NlbServiceToAzureLbRuleTest {

    private final RuleHarness harness = RuleHarness.of(new NlbServiceToAzureLbRule());

    @Test
    void removesClassAndKeepsInternalDefaultExplicit() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: v1
                kind: Service
                metadata: {name: db, namespace: shop}
                spec: {type: LoadBalancer, loadBalancerClass: service.k8s.aws/nlb, ports: [{port: 5432}]}
                """, """
                apiVersion: v1
                kind: Service
                metadata:
                  name: db
                  namespace: shop
                  annotations: {service.beta.kubernetes.io/azure-load-balancer-internal: "true"}
                spec: {type: LoadBalancer, ports: [{port: 5432}]}
                """);
        assertThat(RuleHarness.changeFor(proposal, "Service", "db").rationale()).contains("Pending");
    }

    @Test
    void mapsInternetFacingExternalTypeToPublic() {
        harness.rewriteRun("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: ui
                  annotations:
                    service.beta.kubernetes.io/aws-load-balancer-type: external
                    service.beta.kubernetes.io/aws-load-balancer-scheme: internet-facing
                    service.beta.kubernetes.io/aws-load-balancer-nlb-target-type: instance
                spec: {type: LoadBalancer}
                """, """
                apiVersion: v1
                kind: Service
                metadata:
                  name: ui
                  annotations: {service.beta.kubernetes.io/azure-load-balancer-internal: "false"}
                spec: {type: LoadBalancer}
                """);
    }

    @Test
    void mapsLegacyInternalAndSubnetName() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: api
                  annotations:
                    service.beta.kubernetes.io/aws-load-balancer-internal: "true"
                    service.beta.kubernetes.io/aws-load-balancer-subnets: private-a
                spec: {type: LoadBalancer}
                """, """
                apiVersion: v1
                kind: Service
                metadata:
                  name: api
                  annotations:
                    service.beta.kubernetes.io/azure-load-balancer-internal: "true"
                    service.beta.kubernetes.io/azure-load-balancer-internal-subnet: private-a
                spec: {type: LoadBalancer}
                """);
        assertThat(NlbFindings.messages(proposal, "Service", "api", Severity.WARNING)).anyMatch(m -> m.contains("private-a"));
    }

    @Test
    void requiresActionForSeveralSubnetIds() {
        Proposal proposal = harness.run("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: api
                  annotations: {service.beta.kubernetes.io/aws-load-balancer-subnets: "subnet-1, subnet-2"}
                spec: {type: LoadBalancer, loadBalancerClass: service.k8s.aws/nlb}
                """);
        assertThat(NlbFindings.messages(proposal, "Service", "api", Severity.ACTION_REQUIRED)).singleElement()
                .asString().contains("subnet-1");
    }

    @Test
    void leavesPlainServicesAlone() {
        harness.rewriteRun("""
                apiVersion: v1
                kind: Service
                metadata: {name: web}
                spec: {type: LoadBalancer}
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: other}
                spec: {type: LoadBalancer, loadBalancerClass: example.com/lb}
                """);
    }
}
