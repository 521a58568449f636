package dev.ferry.engine.rule.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Finding;
import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class AlbCertificateToAgicRuleTest {

    private static final String ARN = "arn:aws:acm:eu-west-1:111122223333:certificate/abcd";
    private static final String INGRESS = """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: ui
              namespace: shop
              annotations:
                alb.ingress.kubernetes.io/certificate-arn: %s
            spec: {ingressClassName: alb}
            """.formatted(ARN);

    @Test
    void writesMappedKeyVaultCertificate() {
        RuleHarness.of(new AlbCertificateToAgicRule())
                .settings(RuleHarness.EKS_TO_AKS_SETTINGS + "ingress: {certificates: {\"" + ARN + "\": shop-cert}}\n")
                .rewriteRun(INGRESS, """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: ui
                  namespace: shop
                  annotations: {appgw.ingress.kubernetes.io/appgw-ssl-certificate: shop-cert}
                spec: {ingressClassName: alb}
                """);
    }

    @Test
    void namesTheKeyVaultCertificateToCreateWhenUnmapped() {
        Proposal proposal = RuleHarness.of(new AlbCertificateToAgicRule())
                .settings(RuleHarness.EKS_TO_AKS_SETTINGS + "keyVault: {names: {prod/: shop-kv}}\n")
                .rewriteRun(INGRESS, """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: ui, namespace: shop}
                spec: {ingressClassName: alb}
                """);
        Finding finding = Findings.of(proposal, "Ingress", "ui").get(0);
        assertThat(finding.settingKey()).isEqualTo("ingress.certificates");
        assertThat(finding.message()).contains(ARN).contains("shop-kv").contains("ssl-cert create");
    }

    @Test
    void keepsTlsSecretAndReportsSslPolicy() {
        Proposal proposal = RuleHarness.of(new AlbCertificateToAgicRule()).run("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: ui
                  annotations:
                    alb.ingress.kubernetes.io/certificate-arn: %s
                    alb.ingress.kubernetes.io/ssl-policy: ELBSecurityPolicy-TLS13-1-2-2021-06
                spec:
                  ingressClassName: alb
                  tls: [{hosts: [shop.example.com], secretName: shop-tls}]
                """.formatted(ARN));
        assertThat(Findings.messages(proposal, "Ingress", "ui", Severity.WARNING)).singleElement().asString()
                .contains("spec.tls");
        assertThat(Findings.messages(proposal, "Ingress", "ui", Severity.ACTION_REQUIRED)).singleElement().asString()
                .contains("appgw-ssl-profile");
    }
}
