package dev.ferry.engine.rule.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class TlsSecretAcmNoteRuleTest {

    private static final String TLS = """
            apiVersion: v1
            kind: Secret
            metadata: {name: shop-tls, namespace: shop}
            type: kubernetes.io/tls
            data: {tls.crt: ZmFrZQ==, tls.key: ZmFrZQ==}
            """;
    private static final String AGIC_INGRESS = """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: shop, namespace: shop}
            spec:
              ingressClassName: azure-application-gateway
              tls: [{hosts: [shop.example.com], secretName: shop-tls}]
              rules: [{host: shop.example.com}]
            """;

    private final RuleHarness harness = RuleHarness.of(new TlsSecretAcmNoteRule());

    @Test
    void notesTlsSecretUsedOnlyByAgicMayBeUnneeded() {
        Proposal proposal = harness.rewriteRun(TLS + "---\n" + AGIC_INGRESS);
        assertThat(RuleHarness.changeFor(proposal, "Secret", "shop-tls").findings()).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.message()).contains("Ingress/shop", "ACM", "may be unneeded");
        });
    }

    @Test
    void saysKeepWhenOtherUsersRemain() {
        Proposal proposal = harness.rewriteRun(TLS + "---\n" + AGIC_INGRESS + """
                ---
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: internal
                  namespace: shop
                spec:
                  ingressClassName: nginx
                  tls: [{secretName: shop-tls}]
                """);
        assertThat(RuleHarness.changeFor(proposal, "Secret", "shop-tls").findings().get(0).message())
                .contains("still used by Ingress/internal", "keep it");
    }

    @Test
    void ignoresTlsSecretsWithoutAgicIngress() {
        Proposal proposal = harness.rewriteRun(TLS + "---\n" + AGIC_INGRESS.replace("azure-application-gateway", "nginx"));
        assertThat(proposal.changes()).isEmpty();
    }
}
