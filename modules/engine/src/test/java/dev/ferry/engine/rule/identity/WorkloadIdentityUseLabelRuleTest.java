package dev.ferry.engine.rule.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import org.junit.jupiter.api.Test;

class WorkloadIdentityUseLabelRuleTest {

    private static final String SA = """
            apiVersion: v1
            kind: ServiceAccount
            metadata: {name: cart, namespace: shop, annotations: {eks.amazonaws.com/role-arn: "arn:aws:iam::111122223333:role/cart"}}
            ---
            """;

    @Test
    void labelsPodTemplateOfWorkloadUsingRoleServiceAccount() {
        Proposal proposal = RuleHarness.of(new WorkloadIdentityUseLabelRule()).rewriteRun(SA + """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: cart, namespace: shop}
                spec:
                  selector: {matchLabels: {app: cart}}
                  template:
                    metadata: {labels: {app: cart}}
                    spec: {serviceAccountName: cart, containers: [{name: c, image: app}]}
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: other, namespace: shop}
                spec:
                  template:
                    spec: {containers: [{name: c, image: app}]}
                """, SA + """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: cart, namespace: shop}
                spec:
                  selector: {matchLabels: {app: cart}}
                  template:
                    metadata: {labels: {app: cart, azure.workload.identity/use: "true"}}
                    spec: {serviceAccountName: cart, containers: [{name: c, image: app}]}
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: other, namespace: shop}
                spec:
                  template:
                    spec: {containers: [{name: c, image: app}]}
                """);
        assertThat(RuleHarness.changeFor(proposal, "Deployment", "cart").findings())
                .singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
    }

    @Test
    void labelsBarePodInItsOwnMetadataUsingSameNamespaceOnly() {
        RuleHarness.of(new WorkloadIdentityUseLabelRule()).rewriteRun(SA + """
                apiVersion: v1
                kind: Pod
                metadata: {name: p, namespace: other}
                spec: {serviceAccountName: cart, containers: [{name: c, image: app}]}
                """);
    }
}
