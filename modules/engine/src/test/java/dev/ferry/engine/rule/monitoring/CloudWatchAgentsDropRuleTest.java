package dev.ferry.engine.rule.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.engine.ChangeType;
import dev.ferry.engine.Severity;
import dev.ferry.engine.run.Proposal;
import dev.ferry.engine.testing.RuleHarness;
import dev.ferry.model.KubeObject;
import org.junit.jupiter.api.Test;

class CloudWatchAgentsDropRuleTest {

    @Test
    void dropsAgentsOperatorResourcesAndBindingsOutsideTheAddOnNamespace() {
        Proposal proposal = RuleHarness.of(new CloudWatchAgentsDropRule()).run("""
                apiVersion: v1
                kind: Namespace
                metadata: {name: amazon-cloudwatch}
                ---
                apiVersion: apps/v1
                kind: DaemonSet
                metadata: {name: fluent-bit, namespace: amazon-cloudwatch}
                spec:
                  template:
                    spec: {containers: [{name: fb, image: "public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.0"}]}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: fluent-bit-config, namespace: amazon-cloudwatch}
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRoleBinding
                metadata: {name: cloudwatch-agent-role-binding}
                roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cloudwatch-agent-role}
                subjects: [{kind: ServiceAccount, name: cloudwatch-agent, namespace: amazon-cloudwatch}]
                ---
                apiVersion: cloudwatch.aws.amazon.com/v1alpha1
                kind: AmazonCloudWatchAgent
                metadata: {name: cloudwatch-agent, namespace: monitoring}
                ---
                apiVersion: apps/v1
                kind: DaemonSet
                metadata: {name: cwagent, namespace: monitoring}
                spec:
                  template:
                    spec: {containers: [{name: a, image: "amazon/cloudwatch-agent:1.300"}]}
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: app, namespace: monitoring}
                spec:
                  template:
                    spec: {containers: [{name: a, image: app}, {name: log, image: "amazon/aws-for-fluent-bit:2"}]}
                """);
        // the sanitizer already excludes the amazon-cloudwatch namespace (an EKS add-on's), so three drops remain
        assertThat(proposal.proposed()).extracting(KubeObject::name).containsExactly("app");
        assertThat(proposal.changes()).hasSize(3).allSatisfy(c -> assertThat(c.type()).isEqualTo(ChangeType.DROP));
        assertThat(RuleHarness.changeFor(proposal, "DaemonSet", "cwagent").findings())
                .singleElement().satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.WARNING);
                    assertThat(f.message()).contains("Container Insights");
                });
    }

    @Test
    void keepsBindingsThatAlsoBindOtherSubjects() {
        RuleHarness.of(new CloudWatchAgentsDropRule()).rewriteRun("""
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRoleBinding
                metadata: {name: view}
                roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
                subjects:
                - {kind: ServiceAccount, name: cloudwatch-agent, namespace: amazon-cloudwatch}
                - {kind: ServiceAccount, name: app, namespace: shop}
                """);
    }
}
