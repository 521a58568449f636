package dev.ferry.engine.rule.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class AgicBackendProtocolRuleTest {

    private final RuleHarness harness = RuleHarness.of(new AgicBackendProtocolRule());

    @Test
    void mapsHttpsToUppercaseAndHealthCheckProtocol() {
        harness.rewriteRun("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                  annotations: {appgw.ingress.kubernetes.io/backend-protocol: https}
                spec: {ingressClassName: azure-application-gateway}
                """, """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                  annotations:
                    alb.ingress.kubernetes.io/backend-protocol: HTTPS
                    alb.ingress.kubernetes.io/healthcheck-protocol: HTTPS
                spec: {ingressClassName: azure-application-gateway}
                """);
    }

    @Test
    void mapsHttpToUppercase() {
        harness.rewriteRun("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                  annotations: {appgw.ingress.kubernetes.io/backend-protocol: Http}
                spec: {ingressClassName: azure-application-gateway}
                """, """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                  annotations: {alb.ingress.kubernetes.io/backend-protocol: HTTP}
                spec: {ingressClassName: azure-application-gateway}
                """);
    }

    @Test
    void removesUnknownProtocolWithActionRequired() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                  annotations: {appgw.ingress.kubernetes.io/backend-protocol: grpc}
                spec: {ingressClassName: azure-application-gateway}
                """, """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                spec: {ingressClassName: azure-application-gateway}
                """);
        assertThat(RuleHarness.changeFor(proposal, "Ingress", "web").needsAction()).isTrue();
    }

    @Test
    void leavesIngressWithoutBackendProtocolAlone() {
        harness.rewriteRun("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: web}
                spec: {ingressClassName: azure-application-gateway}
                """);
    }
}
