package dev.ferry.engine.rule.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Finding;
import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class AgicCertificateRuleTest {

    private static final String ARN = "arn:aws:acm:eu-west-1:111122223333:certificate/abcd";
    private static final String WITH_CERTIFICATES = RuleHarness.DEFAULT_SETTINGS + """
            ingress:
              certificates: {shop-cert: "%s", shop-tls: "%s"}
            """.formatted(ARN, ARN);

    @Test
    void mapsAppgwCertificateToArnFromSettings() {
        RuleHarness.of(new AgicCertificateRule()).settings(WITH_CERTIFICATES).rewriteRun("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                  annotations: {appgw.ingress.kubernetes.io/appgw-ssl-certificate: shop-cert}
                spec: {ingressClassName: azure-application-gateway}
                """, """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                  annotations: {alb.ingress.kubernetes.io/certificate-arn: "%s"}
                spec: {ingressClassName: azure-application-gateway}
                """.formatted(ARN));
    }

    @Test
    void asksForCertificateSettingWhenAppgwCertificateIsUnmapped() {
        Proposal proposal = RuleHarness.of(new AgicCertificateRule()).rewriteRun("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                  annotations: {appgw.ingress.kubernetes.io/appgw-ssl-certificate: shop-cert}
                spec: {ingressClassName: azure-application-gateway}
                """, """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                spec: {ingressClassName: azure-application-gateway}
                """);
        assertThat(Findings.of(proposal, "Ingress", "web")).filteredOn(f -> f.severity() == Severity.ACTION_REQUIRED)
                .singleElement().extracting(Finding::settingKey).isEqualTo("ingress.certificates");
    }

    @Test
    void mapsTlsSecretToArnAndKeepsSpecTls() {
        Proposal proposal = RuleHarness.of(new AgicCertificateRule()).settings(WITH_CERTIFICATES).rewriteRun("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: web, namespace: shop}
                spec:
                  ingressClassName: azure-application-gateway
                  tls: [{hosts: [shop.example.com], secretName: shop-tls}]
                """, """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                  namespace: shop
                  annotations: {alb.ingress.kubernetes.io/certificate-arn: "%s"}
                spec:
                  ingressClassName: azure-application-gateway
                  tls: [{hosts: [shop.example.com], secretName: shop-tls}]
                """.formatted(ARN));
        assertThat(Findings.messages(proposal, "Ingress", "web", Severity.INFO)).singleElement()
                .asString().contains("ignores `spec.tls` Secrets");
    }

    @Test
    void findsTlsSecretByAgicCertificateName() {
        String settings = RuleHarness.DEFAULT_SETTINGS + """
                ingress: {certificates: {cert-shop-shop-tls: "%s"}}
                """.formatted(ARN);
        RuleHarness.of(new AgicCertificateRule()).settings(settings).rewriteRun("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: web, namespace: shop}
                spec:
                  ingressClassName: azure-application-gateway
                  tls: [{secretName: shop-tls}]
                """, """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                  namespace: shop
                  annotations: {alb.ingress.kubernetes.io/certificate-arn: "%s"}
                spec:
                  ingressClassName: azure-application-gateway
                  tls: [{secretName: shop-tls}]
                """.formatted(ARN));
    }

    @Test
    void unmappedTlsSecretIsActionRequiredNamingHostsForDiscovery() {
        Proposal proposal = RuleHarness.of(new AgicCertificateRule()).rewriteRun("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: web, namespace: shop}
                spec:
                  ingressClassName: azure-application-gateway
                  tls: [{hosts: [shop.example.com], secretName: shop-tls}]
                """);
        assertThat(Findings.of(proposal, "Ingress", "web")).filteredOn(f -> f.severity() == Severity.ACTION_REQUIRED)
                .singleElement().satisfies(f -> {
                    assertThat(f.settingKey()).isEqualTo("ingress.certificates");
                    assertThat(f.message()).contains("shop-tls", "shop.example.com");
                });
    }

    @Test
    void removesAppgwCertificateIgnoredBecauseOfSpecTls() {
        Proposal proposal = RuleHarness.of(new AgicCertificateRule()).settings(WITH_CERTIFICATES).rewriteRun("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                  namespace: shop
                  annotations: {appgw.ingress.kubernetes.io/appgw-ssl-certificate: other-cert}
                spec:
                  ingressClassName: azure-application-gateway
                  tls: [{secretName: shop-tls}]
                """, """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                  namespace: shop
                  annotations: {alb.ingress.kubernetes.io/certificate-arn: "%s"}
                spec:
                  ingressClassName: azure-application-gateway
                  tls: [{secretName: shop-tls}]
                """.formatted(ARN));
        assertThat(Findings.messages(proposal, "Ingress", "web", Severity.INFO))
                .anyMatch(m -> m.contains("other-cert") && m.contains("ignored"));
    }

    @Test
    void leavesIngressWithoutTlsAlone() {
        RuleHarness.of(new AgicCertificateRule()).rewriteRun("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: web}
                spec: {ingressClassName: azure-application-gateway}
                """);
    }
}
