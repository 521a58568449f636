package dev.ferry.engine.rule.loadbalancer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Finding;
import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class AzureLbFrontendIpRuleTest {

    private final RuleHarness harness = RuleHarness.of(new AzureLbFrontendIpRule());

    @Test
    void publicIpNameAndLoadBalancerIpNeedElasticIps() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                  annotations:
                    service.beta.kubernetes.io/azure-pip-name: web-pip
                    service.beta.kubernetes.io/azure-load-balancer-resource-group: network-rg
                spec: {type: LoadBalancer, loadBalancerIP: 20.1.2.3, ports: [{port: 80}]}
                """, """
                apiVersion: v1
                kind: Service
                metadata: {name: web}
                spec: {type: LoadBalancer, ports: [{port: 80}]}
                """);
        var findings = RuleHarness.changeFor(proposal, "Service", "web").findings();
        assertThat(findings).filteredOn(f -> f.severity() == Severity.ACTION_REQUIRED)
                .hasSize(2)
                .allSatisfy(f -> assertThat(f.message()).contains("aws-load-balancer-eip-allocations"));
        assertThat(findings).filteredOn(f -> f.severity() == Severity.INFO).hasSize(1);
    }

    @Test
    void fixedIpOfAnInternalServiceNeedsPrivateAddresses() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: api
                  annotations:
                    service.beta.kubernetes.io/azure-load-balancer-internal: "true"
                    service.beta.kubernetes.io/azure-load-balancer-ipv4: 10.240.0.25
                spec: {type: LoadBalancer, ports: [{port: 443}]}
                """, """
                apiVersion: v1
                kind: Service
                metadata:
                  name: api
                  annotations:
                    service.beta.kubernetes.io/azure-load-balancer-internal: "true"
                spec: {type: LoadBalancer, ports: [{port: 443}]}
                """);
        assertThat(RuleHarness.changeFor(proposal, "Service", "api").findings())
                .singleElement()
                .satisfies(f -> assertThat(f.message()).contains("10.240.0.25",
                        "aws-load-balancer-private-ipv4-addresses"));
    }

    @Test
    void dnsLabelNeedsRoute53AndPipTagsBecomeResourceTags() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                  annotations:
                    service.beta.kubernetes.io/azure-dns-label-name: shop-web
                    service.beta.kubernetes.io/azure-pip-tags: team=shop,env=prod
                spec: {type: LoadBalancer, ports: [{port: 80}]}
                """, """
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                  annotations:
                    service.beta.kubernetes.io/aws-load-balancer-additional-resource-tags: team=shop,env=prod
                spec: {type: LoadBalancer, ports: [{port: 80}]}
                """);
        assertThat(RuleHarness.changeFor(proposal, "Service", "web").findings())
                .singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ACTION_REQUIRED))
                .satisfies(f -> assertThat(f.message()).contains("shop-web", "Route 53"));
    }

    @Test
    void removesIpTagsPrefixesAndGlobalIpsWithFindings() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                  annotations:
                    service.beta.kubernetes.io/azure-pip-ip-tags: RoutingPreference=Internet
                    service.beta.kubernetes.io/azure-pip-prefix-id: /subscriptions/x/resourceGroups/y/providers/Microsoft.Network/publicIPPrefixes/z
                    service.beta.kubernetes.io/azure-additional-public-ips: 1.2.3.4
                    service.beta.kubernetes.io/azure-dns-label-name: ""
                spec: {type: LoadBalancer, ports: [{port: 80}]}
                """, """
                apiVersion: v1
                kind: Service
                metadata: {name: web}
                spec: {type: LoadBalancer, ports: [{port: 80}]}
                """);
        assertThat(RuleHarness.changeFor(proposal, "Service", "web").findings()).extracting(Finding::severity)
                .containsExactlyInAnyOrder(Severity.ACTION_REQUIRED, Severity.INFO, Severity.INFO, Severity.WARNING);
    }

    @Test
    void leavesServicesWithoutFrontendSettingsAlone() {
        harness.rewriteRun("""
                apiVersion: v1
                kind: Service
                metadata: {name: web}
                spec: {type: LoadBalancer, ports: [{port: 80}]}
                """);
    }
}
