package dev.ferry.engine.rule.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Finding;
import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class NginxIngressKeptRuleTest {

    private static final String NGINX = """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: web
              annotations: {nginx.ingress.kubernetes.io/rewrite-target: /}
            spec: {ingressClassName: nginx}
            """;
    private static final String APP_ROUTING = """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: store}
            spec: {ingressClassName: webapprouting.kubernetes.azure.com}
            """;
    private static final String KEEP_NGINX = RuleHarness.DEFAULT_SETTINGS + "ingress: {controller: keep-nginx}\n";

    @Test
    void keepsNginxIngressUnchangedInKeepNginxModeWithInfo() {
        Proposal proposal = RuleHarness.of(new NginxIngressKeptRule()).settings(KEEP_NGINX).rewriteRun(NGINX);
        assertThat(Findings.of(proposal, "Ingress", "web")).singleElement()
                .extracting(Finding::severity).isEqualTo(Severity.INFO);
    }

    @Test
    void keepsNginxIngressUnchangedInAlbModeWithWarning() {
        Proposal proposal = RuleHarness.of(new NginxIngressKeptRule()).rewriteRun(NGINX);
        assertThat(Findings.messages(proposal, "Ingress", "web", Severity.WARNING)).singleElement()
                .asString().contains("only AGIC/AGC");
    }

    @Test
    void keepsLegacyAnnotatedNginxIngress() {
        Proposal proposal = RuleHarness.of(new NginxIngressKeptRule()).settings(KEEP_NGINX).rewriteRun("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                  annotations: {kubernetes.io/ingress.class: nginx}
                """);
        assertThat(Findings.of(proposal, "Ingress", "web")).hasSize(1);
    }

    @Test
    void warnsToInstallIngressNginxForAppRoutingInBothModes() {
        for (String settings : new String[] {KEEP_NGINX, RuleHarness.DEFAULT_SETTINGS}) {
            Proposal proposal = RuleHarness.of(new NginxIngressKeptRule()).settings(settings).rewriteRun(APP_ROUTING);
            assertThat(Findings.messages(proposal, "Ingress", "store", Severity.WARNING)).singleElement()
                    .asString().contains("application routing add-on", "Install ingress-nginx on EKS");
        }
    }

    @Test
    void flagsUnknownControllerSetting() {
        Proposal proposal = RuleHarness.of(new NginxIngressKeptRule())
                .settings(RuleHarness.DEFAULT_SETTINGS + "ingress: {controller: traefik}\n").rewriteRun(NGINX);
        assertThat(Findings.of(proposal, "Ingress", "web")).filteredOn(f -> f.severity() == Severity.ACTION_REQUIRED)
                .singleElement().extracting(Finding::settingKey).isEqualTo("ingress.controller");
    }

    @Test
    void ignoresAgicIngress() {
        Proposal proposal = RuleHarness.of(new NginxIngressKeptRule()).rewriteRun("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: web}
                spec: {ingressClassName: azure-application-gateway}
                """);
        assertThat(proposal.changes()).isEmpty();
    }
}
