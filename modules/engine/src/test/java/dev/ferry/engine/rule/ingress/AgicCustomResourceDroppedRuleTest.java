package dev.ferry.engine.rule.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import dev.ferry.model.io.ManifestReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class AgicCustomResourceDroppedRuleTest {

    private final RuleHarness harness = RuleHarness.of(new AgicCustomResourceDroppedRule());

    @Test
    void dropsRewriteResourceWithActionRequired() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: appgw.ingress.azure.io/v1beta1
                kind: AzureApplicationGatewayRewrite
                metadata: {name: headers, namespace: shop}
                spec: {rewriteRules: []}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: keep, namespace: shop}
                """, """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: keep, namespace: shop}
                """);
        assertThat(RuleHarness.changeFor(proposal, "AzureApplicationGatewayRewrite", "headers").needsAction()).isTrue();
    }

    @Test
    void dropsOtherAgicResourcesWithWarning() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: appgw.ingress.azure.io/v1
                kind: AzureIngressProhibitedTarget
                metadata: {name: legacy, namespace: shop}
                spec: {hostname: legacy.example.com}
                """, "");
        assertThat(Findings.messages(proposal, "AzureIngressProhibitedTarget", "legacy", Severity.WARNING))
                .hasSize(1);
    }

    @Test
    void dropsTheCorpusRewriteExample() throws Exception {
        Path file = Path.of(System.getProperty("ferry.corpus", "/nonexistent"),
                "Azure__application-gateway-kubernetes-ingress/crds/examples/AzureApplicationGatewayRewrite.yaml");
        Assumptions.assumeTrue(Files.isRegularFile(file), "corpus not present");
        var set = new ManifestReader().readText(file.toString(), Files.readString(file));
        Proposal proposal = harness.rewriteRun(Files.readString(file), "");
        assertThat(set.objects()).hasSize(1);
        assertThat(RuleHarness.changeFor(proposal, "AzureApplicationGatewayRewrite", "test-crd").needsAction()).isTrue();
    }
}
