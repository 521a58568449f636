package dev.ferry.engine.rule.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Change;
import dev.ferry.engine.ChangeType;
import dev.ferry.engine.Finding;
import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class AadPodIdentityDropRuleTest {

    private final RuleHarness harness = RuleHarness.of(new AadPodIdentityDropRule());

    private static final String IDENTITY_AND_BINDING = """
            apiVersion: aadpodidentity.k8s.io/v1
            kind: AzureIdentity
            metadata: {name: blob-example, namespace: blob}
            spec:
              type: 0
              resourceID: /subscriptions/sub/resourcegroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/blob
              clientID: 00000000-aaaa-bbbb-cccc-000000000000
            ---
            apiVersion: aadpodidentity.k8s.io/v1
            kind: AzureIdentityBinding
            metadata: {name: blob-example-binding, namespace: blob}
            spec: {azureIdentity: blob-example, selector: Blob_Example}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: keep, namespace: blob}
            data: {a: b}
            """;

    @Test
    void dropsIdentityAndBindingAndNamesTheReplacement() {
        Proposal proposal = harness.rewriteRun(IDENTITY_AND_BINDING, """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: keep, namespace: blob}
                data: {a: b}
                """);
        Change identity = RuleHarness.changeFor(proposal, "AzureIdentity", "blob-example");
        assertThat(identity.type()).isEqualTo(ChangeType.DROP);
        assertThat(identity.rationale()).contains("00000000-aaaa-bbbb-cccc-000000000000")
                .contains("userAssignedIdentities/blob").contains("`blob/blob-example-binding`");
        assertThat(identity.findings()).isEmpty();
        Change binding = RuleHarness.changeFor(proposal, "AzureIdentityBinding", "blob-example-binding");
        assertThat(binding.rationale()).contains("ServiceAccount `blob/blob-example`");
    }

    @Test
    void namesButNeverReadsTheServicePrincipalSecret() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: aadpodidentity.k8s.io/v1
                kind: AzureIdentity
                metadata: {name: sp}
                spec:
                  type: 1
                  tenantID: t
                  clientID: c
                  clientPassword: {name: demo-aad1-sp, namespace: default}
                """, "");
        Change change = RuleHarness.changeFor(proposal, "AzureIdentity", "sp");
        assertThat(change.rationale()).contains("service principal with client secret")
                .doesNotContain("clientPassword");
        assertThat(change.findings()).extracting(Finding::severity)
                .containsExactly(Severity.INFO, Severity.WARNING);
        assertThat(change.findings().get(0).message()).contains("`default/demo-aad1-sp`");
    }

    @Test
    void dropsExceptionWithImdsWarning() {
        Proposal proposal = harness.rewriteRun("""
                apiVersion: aadpodidentity.k8s.io/v1
                kind: AzurePodIdentityException
                metadata: {name: test-exception}
                spec: {podLabels: {app: custom}}
                ---
                apiVersion: aadpodidentity.k8s.io/v1
                kind: AzureAssignedIdentity
                metadata: {name: runtime-record}
                spec: {}
                """, "");
        assertThat(RuleHarness.changeFor(proposal, "AzurePodIdentityException", "test-exception").findings())
                .singleElement().satisfies(f -> assertThat(f.message()).contains("IMDSv2").contains("app"));
        assertThat(RuleHarness.changeFor(proposal, "AzureAssignedIdentity", "runtime-record").type())
                .isEqualTo(ChangeType.DROP);
    }

    @Test
    void keepsSameNamedKindsOfOtherGroups() {
        harness.rewriteRun("""
                apiVersion: example.com/v1
                kind: AzureIdentity
                metadata: {name: other}
                spec: {clientID: c}
                """);
    }
}
