package dev.ferry.engine.rule.loadbalancer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Change;
import dev.ferry.engine.Finding;
import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class AzureLbServiceToNlbRuleTest {

    private final RuleHarness harness = RuleHarness.of(new AzureLbServiceToNlbRule());

    @Test
    void makesUnannotatedServiceAnInternetFacingNlbBecauseAksDefaultIsPublic() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: v1
                kind: Service
                metadata: {name: web, namespace: shop}
                spec:
                  type: LoadBalancer
                  ports: [{port: 80}]
                """, """
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                  namespace: shop
                  annotations:
                    service.beta.kubernetes.io/aws-load-balancer-nlb-target-type: ip
                    service.beta.kubernetes.io/aws-load-balancer-scheme: internet-facing
                spec:
                  type: LoadBalancer
                  loadBalancerClass: service.k8s.aws/nlb
                  ports: [{port: 80}]
                """);
        Change change = RuleHarness.changeFor(proposal, "Service", "web");
        assertThat(change.findings()).extracting(Finding::severity).containsExactly(Severity.INFO);
        assertThat(change.rationale()).contains("EDGES.md §3.4");
    }

    @Test
    void mapsInternalAnnotationToInternalScheme() {
        harness.rewriteRun("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: api
                  annotations: {service.beta.kubernetes.io/azure-load-balancer-internal: "true"}
                spec: {type: LoadBalancer, ports: [{port: 443}]}
                """, """
                apiVersion: v1
                kind: Service
                metadata:
                  name: api
                  annotations:
                    service.beta.kubernetes.io/aws-load-balancer-nlb-target-type: ip
                    service.beta.kubernetes.io/aws-load-balancer-scheme: internal
                spec: {type: LoadBalancer, loadBalancerClass: service.k8s.aws/nlb, ports: [{port: 443}]}
                """);
    }

    @Test
    void internalFalseStaysInternetFacing() {
        harness.rewriteRun("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: api
                  annotations: {service.beta.kubernetes.io/azure-load-balancer-internal: "false"}
                spec: {type: LoadBalancer, ports: [{port: 443}]}
                """, """
                apiVersion: v1
                kind: Service
                metadata:
                  name: api
                  annotations:
                    service.beta.kubernetes.io/aws-load-balancer-nlb-target-type: ip
                    service.beta.kubernetes.io/aws-load-balancer-scheme: internet-facing
                spec: {type: LoadBalancer, loadBalancerClass: service.k8s.aws/nlb, ports: [{port: 443}]}
                """);
    }

    @Test
    void internalSubnetNeedsTheUsersSubnets() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: api
                  annotations:
                    service.beta.kubernetes.io/azure-load-balancer-internal: "true"
                    service.beta.kubernetes.io/azure-load-balancer-internal-subnet: apps-subnet
                spec: {type: LoadBalancer, ports: [{port: 443}]}
                """, """
                apiVersion: v1
                kind: Service
                metadata:
                  name: api
                  annotations:
                    service.beta.kubernetes.io/aws-load-balancer-nlb-target-type: ip
                    service.beta.kubernetes.io/aws-load-balancer-scheme: internal
                spec: {type: LoadBalancer, loadBalancerClass: service.k8s.aws/nlb, ports: [{port: 443}]}
                """);
        assertThat(RuleHarness.changeFor(proposal, "Service", "api").findings())
                .filteredOn(f -> f.severity() == Severity.ACTION_REQUIRED)
                .singleElement()
                .satisfies(f -> assertThat(f.message()).contains("apps-subnet", "aws-load-balancer-subnets"));
    }

    @Test
    void keepsAwsSettingsTheServiceAlreadyHas() {
        harness.rewriteRun("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: api
                  annotations:
                    service.beta.kubernetes.io/aws-load-balancer-type: external
                    service.beta.kubernetes.io/aws-load-balancer-nlb-target-type: instance
                    service.beta.kubernetes.io/aws-load-balancer-scheme: internal
                spec: {type: LoadBalancer, ports: [{port: 443}]}
                """);
    }

    @Test
    void leavesOtherServiceTypesAndOtherClassesAlone() {
        harness.rewriteRun("""
                apiVersion: v1
                kind: Service
                metadata: {name: internal}
                spec: {type: ClusterIP, ports: [{port: 80}]}
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: metallb}
                spec: {type: LoadBalancer, loadBalancerClass: metallb.io/metallb, ports: [{port: 80}]}
                """);
    }

    @Test
    void setsOnlyTheSchemeWhenAnAwsServiceCarriesTheAzureInternalFlag() {
        harness.rewriteRun("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: api
                  annotations:
                    service.beta.kubernetes.io/aws-load-balancer-type: nlb
                    service.beta.kubernetes.io/azure-load-balancer-internal: "true"
                spec: {type: LoadBalancer, ports: [{port: 443}]}
                """, """
                apiVersion: v1
                kind: Service
                metadata:
                  name: api
                  annotations:
                    service.beta.kubernetes.io/aws-load-balancer-type: nlb
                    service.beta.kubernetes.io/aws-load-balancer-scheme: internal
                spec: {type: LoadBalancer, ports: [{port: 443}]}
                """);
    }
}
